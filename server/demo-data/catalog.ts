import type { Prng } from './prng';
import type { DemoCountry } from './places';

/**
 * What the demo store sells: appliances, phones, home goods — the parcels people call about.
 * Prices are in minor units of each country's currency, set the way shops set them (₱1,299.00,
 * R$ 249,90, $39.99), not converted to the centavo.
 */

export type Category = 'mobile' | 'electronics' | 'appliances' | 'home' | 'fashion' | 'beauty' | 'baby' | 'sports';

export interface Product {
  sku: string;
  category: Category;
  /** English name (Philippine and US shops list products in English). */
  en: string;
  pt: string;
  /** Price in US dollars; local prices derive from it. */
  usd: number;
}

export const PRODUCTS: readonly Product[] = [
  { sku: 'MOB-A15-128', category: 'mobile', en: 'Smartphone A15 128GB', pt: 'Smartphone A15 128GB', usd: 179 },
  { sku: 'MOB-X9-256', category: 'mobile', en: 'Smartphone X9 Pro 256GB', pt: 'Smartphone X9 Pro 256GB', usd: 649 },
  { sku: 'MOB-CASE-01', category: 'mobile', en: 'Shockproof phone case', pt: 'Capinha antichoque', usd: 9 },
  { sku: 'MOB-CHG-25W', category: 'mobile', en: '25W fast charger', pt: 'Carregador turbo 25W', usd: 19 },
  { sku: 'MOB-PWR-20K', category: 'mobile', en: 'Power bank 20,000 mAh', pt: 'Carregador portátil 20.000 mAh', usd: 29 },
  { sku: 'MOB-BUDS-2', category: 'mobile', en: 'Wireless earbuds', pt: 'Fone de ouvido sem fio', usd: 39 },
  { sku: 'ELE-TV-32', category: 'electronics', en: 'Smart TV 32"', pt: 'Smart TV 32"', usd: 199 },
  { sku: 'ELE-TV-55', category: 'electronics', en: 'Smart TV 55" 4K', pt: 'Smart TV 55" 4K', usd: 499 },
  { sku: 'ELE-LAP-14', category: 'electronics', en: 'Laptop 14" 8GB RAM', pt: 'Notebook 14" 8GB RAM', usd: 549 },
  { sku: 'ELE-TAB-10', category: 'electronics', en: 'Tablet 10"', pt: 'Tablet 10"', usd: 229 },
  { sku: 'ELE-SPK-BT', category: 'electronics', en: 'Bluetooth speaker', pt: 'Caixa de som Bluetooth', usd: 49 },
  { sku: 'ELE-RTR-AX', category: 'electronics', en: 'Wi-Fi 6 router', pt: 'Roteador Wi-Fi 6', usd: 89 },
  { sku: 'ELE-WATCH-2', category: 'electronics', en: 'Smartwatch 2', pt: 'Relógio inteligente 2', usd: 119 },
  { sku: 'APP-RC-18', category: 'appliances', en: 'Rice cooker 1.8L', pt: 'Panela elétrica de arroz 1,8L', usd: 35 },
  { sku: 'APP-FAN-16', category: 'appliances', en: 'Stand fan 16"', pt: 'Ventilador de coluna 40cm', usd: 29 },
  { sku: 'APP-AF-5L', category: 'appliances', en: 'Air fryer 5L', pt: 'Fritadeira elétrica sem óleo 5L', usd: 79 },
  { sku: 'APP-AC-1HP', category: 'appliances', en: 'Window aircon 1HP inverter', pt: 'Ar-condicionado janela 9.000 BTUs', usd: 399 },
  { sku: 'APP-REF-7', category: 'appliances', en: 'Two-door refrigerator 7 cu. ft.', pt: 'Geladeira duplex 260L', usd: 459 },
  { sku: 'APP-WM-8', category: 'appliances', en: 'Washing machine 8kg', pt: 'Máquina de lavar 8kg', usd: 329 },
  { sku: 'APP-BLD-900', category: 'appliances', en: 'Blender 900W', pt: 'Liquidificador 900W', usd: 39 },
  { sku: 'APP-MW-20', category: 'appliances', en: 'Microwave oven 20L', pt: 'Micro-ondas 20L', usd: 99 },
  { sku: 'APP-KET-17', category: 'appliances', en: 'Electric kettle 1.7L', pt: 'Chaleira elétrica 1,7L', usd: 25 },
  { sku: 'APP-IRN-ST', category: 'appliances', en: 'Steam iron', pt: 'Ferro a vapor', usd: 22 },
  { sku: 'HOM-BED-Q', category: 'home', en: 'Bed sheet set, queen', pt: 'Jogo de lençol casal', usd: 32 },
  { sku: 'HOM-PAN-SET', category: 'home', en: 'Non-stick cookware set', pt: 'Jogo de panelas antiaderente', usd: 69 },
  { sku: 'HOM-MAT-FOAM', category: 'home', en: 'Foam mattress, double', pt: 'Colchão de espuma casal', usd: 149 },
  { sku: 'HOM-CHR-OFF', category: 'home', en: 'Ergonomic office chair', pt: 'Cadeira de escritório ergonômica', usd: 129 },
  { sku: 'HOM-LMP-LED', category: 'home', en: 'LED desk lamp', pt: 'Luminária de mesa LED', usd: 19 },
  { sku: 'HOM-TWL-6', category: 'home', en: 'Bath towel set (6)', pt: 'Kit de toalhas de banho (6)', usd: 27 },
  { sku: 'FAS-SNK-RUN', category: 'fashion', en: 'Running shoes', pt: 'Tênis de corrida', usd: 59 },
  { sku: 'FAS-BAG-TOTE', category: 'fashion', en: 'Canvas tote bag', pt: 'Bolsa sacola de lona', usd: 15 },
  { sku: 'FAS-JNS-SL', category: 'fashion', en: 'Slim-fit jeans', pt: 'Calça jeans slim', usd: 35 },
  { sku: 'FAS-DRS-FL', category: 'fashion', en: 'Floral summer dress', pt: 'Vestido floral de verão', usd: 29 },
  { sku: 'FAS-SLP-01', category: 'fashion', en: 'Rubber slippers', pt: 'Chinelo de borracha', usd: 6 },
  { sku: 'BEA-SKN-SET', category: 'beauty', en: 'Skin care set', pt: 'Kit de cuidados com a pele', usd: 42 },
  { sku: 'BEA-SUN-50', category: 'beauty', en: 'Sunscreen SPF 50', pt: 'Protetor solar FPS 50', usd: 14 },
  { sku: 'BEA-HDR-2K', category: 'beauty', en: 'Hair dryer 2000W', pt: 'Secador de cabelo 2000W', usd: 34 },
  { sku: 'BEA-PRF-50', category: 'beauty', en: 'Eau de parfum 50ml', pt: 'Perfume 50ml', usd: 55 },
  { sku: 'BAB-DPR-XL', category: 'baby', en: 'Diapers XL (64 pcs)', pt: 'Fraldas XG (64 un.)', usd: 18 },
  { sku: 'BAB-STR-LT', category: 'baby', en: 'Lightweight stroller', pt: 'Carrinho de bebê leve', usd: 139 },
  { sku: 'BAB-MLK-900', category: 'baby', en: 'Infant formula 900g', pt: 'Fórmula infantil 900g', usd: 24 },
  { sku: 'SPO-BIK-26', category: 'sports', en: 'Mountain bike 26"', pt: 'Bicicleta aro 26', usd: 219 },
  { sku: 'SPO-YGA-MAT', category: 'sports', en: 'Yoga mat', pt: 'Tapete de yoga', usd: 17 },
  { sku: 'SPO-DMB-10', category: 'sports', en: 'Adjustable dumbbells 10kg', pt: 'Halteres ajustáveis 10kg', usd: 45 },
  { sku: 'SPO-BALL-5', category: 'sports', en: 'Football size 5', pt: 'Bola de futebol nº 5', usd: 19 },
];

export const CURRENCY: Readonly<Record<DemoCountry, 'PHP' | 'BRL' | 'USD'>> = { PH: 'PHP', BR: 'BRL', US: 'USD' };

/** Shop prices: ₱ rounded to ₱x,x99.00 or x50.00, R$ to x9,90, US$ to x.99. */
export function priceMinor(product: Product, country: DemoCountry): number {
  switch (country) {
    case 'PH': {
      const pesos = product.usd * 56;
      const step = pesos < 1000 ? 50 : 100;
      return (Math.max(step, Math.round(pesos / step) * step) - 1) * 100;
    }
    case 'BR': {
      const reais = product.usd * 5.2;
      return Math.max(990, Math.round(reais / 10) * 1000 - 10);
    }
    case 'US':
      return product.usd * 100 - 1;
  }
}

export function productName(product: Product, country: DemoCountry): string {
  return country === 'BR' ? product.pt : product.en;
}

export function pickProduct(rng: Prng): Product {
  return rng.pick(PRODUCTS);
}
