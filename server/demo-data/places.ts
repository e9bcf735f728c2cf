import type { Address } from '../../shared/domain/customer';
import type { Prng } from './prng';

/**
 * Where demo customers live: real cities with their provinces/states, postal codes and the area
 * codes their landlines use, so an address and a phone number agree with each other.
 */

export type DemoCountry = 'PH' | 'BR' | 'US';

export interface City {
  city: string;
  region: string;
  /** Postal code prefix or whole code; the rest is filled with digits. */
  postal: string;
  /** Landline area code (PH without trunk 0, BR DDD, US NPA). */
  area: string;
  /** Relative share of the country's customers. */
  weight: number;
}

export const CITIES: Readonly<Record<DemoCountry, readonly City[]>> = {
  PH: [
    { city: 'Quezon City', region: 'Metro Manila', postal: '11', area: '2', weight: 14 },
    { city: 'Manila', region: 'Metro Manila', postal: '10', area: '2', weight: 10 },
    { city: 'Makati', region: 'Metro Manila', postal: '12', area: '2', weight: 6 },
    { city: 'Pasig', region: 'Metro Manila', postal: '16', area: '2', weight: 5 },
    { city: 'Taguig', region: 'Metro Manila', postal: '16', area: '2', weight: 5 },
    { city: 'Caloocan', region: 'Metro Manila', postal: '14', area: '2', weight: 5 },
    { city: 'Parañaque', region: 'Metro Manila', postal: '17', area: '2', weight: 4 },
    { city: 'Las Piñas', region: 'Metro Manila', postal: '17', area: '2', weight: 3 },
    { city: 'Cebu City', region: 'Cebu', postal: '60', area: '32', weight: 7 },
    { city: 'Davao City', region: 'Davao del Sur', postal: '80', area: '82', weight: 6 },
    { city: 'Iloilo City', region: 'Iloilo', postal: '50', area: '33', weight: 3 },
    { city: 'Bacolod', region: 'Negros Occidental', postal: '61', area: '34', weight: 3 },
    { city: 'Baguio', region: 'Benguet', postal: '26', area: '74', weight: 2 },
    { city: 'Cagayan de Oro', region: 'Misamis Oriental', postal: '90', area: '88', weight: 3 },
    { city: 'San Fernando', region: 'Pampanga', postal: '20', area: '45', weight: 3 },
    { city: 'Biñan', region: 'Laguna', postal: '40', area: '49', weight: 3 },
    { city: 'Batangas City', region: 'Batangas', postal: '42', area: '43', weight: 2 },
    { city: 'Dasmariñas', region: 'Cavite', postal: '41', area: '46', weight: 4 },
    { city: 'Antipolo', region: 'Rizal', postal: '18', area: '2', weight: 3 },
  ],
  BR: [
    { city: 'São Paulo', region: 'SP', postal: '0', area: '11', weight: 22 },
    { city: 'Guarulhos', region: 'SP', postal: '07', area: '11', weight: 3 },
    { city: 'Campinas', region: 'SP', postal: '13', area: '19', weight: 4 },
    { city: 'Rio de Janeiro', region: 'RJ', postal: '2', area: '21', weight: 13 },
    { city: 'Niterói', region: 'RJ', postal: '24', area: '21', weight: 2 },
    { city: 'Belo Horizonte', region: 'MG', postal: '3', area: '31', weight: 6 },
    { city: 'Curitiba', region: 'PR', postal: '8', area: '41', weight: 5 },
    { city: 'Porto Alegre', region: 'RS', postal: '9', area: '51', weight: 5 },
    { city: 'Brasília', region: 'DF', postal: '7', area: '61', weight: 5 },
    { city: 'Salvador', region: 'BA', postal: '4', area: '71', weight: 6 },
    { city: 'Recife', region: 'PE', postal: '5', area: '81', weight: 5 },
    { city: 'Fortaleza', region: 'CE', postal: '6', area: '85', weight: 6 },
    { city: 'Manaus', region: 'AM', postal: '69', area: '92', weight: 4 },
    { city: 'Goiânia', region: 'GO', postal: '74', area: '62', weight: 4 },
    { city: 'Florianópolis', region: 'SC', postal: '88', area: '48', weight: 3 },
    { city: 'Vitória', region: 'ES', postal: '29', area: '27', weight: 2 },
    { city: 'Belém', region: 'PA', postal: '66', area: '91', weight: 3 },
    { city: 'São Luís', region: 'MA', postal: '65', area: '98', weight: 2 },
  ],
  US: [
    { city: 'New York', region: 'NY', postal: '100', area: '212', weight: 12 },
    { city: 'Brooklyn', region: 'NY', postal: '112', area: '718', weight: 6 },
    { city: 'Los Angeles', region: 'CA', postal: '900', area: '213', weight: 10 },
    { city: 'San Francisco', region: 'CA', postal: '941', area: '415', weight: 6 },
    { city: 'San Jose', region: 'CA', postal: '951', area: '408', weight: 4 },
    { city: 'Chicago', region: 'IL', postal: '606', area: '312', weight: 8 },
    { city: 'Houston', region: 'TX', postal: '770', area: '713', weight: 8 },
    { city: 'Austin', region: 'TX', postal: '787', area: '512', weight: 4 },
    { city: 'Miami', region: 'FL', postal: '331', area: '305', weight: 6 },
    { city: 'Orlando', region: 'FL', postal: '328', area: '407', weight: 3 },
    { city: 'Seattle', region: 'WA', postal: '981', area: '206', weight: 4 },
    { city: 'Phoenix', region: 'AZ', postal: '850', area: '602', weight: 5 },
    { city: 'Atlanta', region: 'GA', postal: '303', area: '404', weight: 5 },
    { city: 'Jersey City', region: 'NJ', postal: '073', area: '201', weight: 3 },
    { city: 'Honolulu', region: 'HI', postal: '968', area: '808', weight: 2 },
    { city: 'Las Vegas', region: 'NV', postal: '891', area: '702', weight: 3 },
  ],
};

const CITY_CHOICES = Object.fromEntries(
  Object.entries(CITIES).map(([country, cities]) => [country, cities.map((c) => [c, c.weight] as const)]),
) as unknown as Record<DemoCountry, readonly (readonly [City, number])[]>;

export function pickCity(rng: Prng, country: DemoCountry): City {
  return rng.weighted(CITY_CHOICES[country]);
}

const PH_STREETS = [
  'Rizal St.', 'Mabini St.', 'Bonifacio Ave.', 'Luna St.', 'Sampaguita St.', 'Ilang-Ilang St.', 'Kamagong St.',
  'Mabuhay St.', 'Quezon Ave.', 'Aguinaldo Hwy.', 'Gen. Luna St.', 'P. Burgos St.', 'Narra St.', 'Acacia Ave.',
  'Magsaysay Blvd.', 'Katipunan Ave.', 'Santo Niño St.', 'Dama de Noche St.',
] as const;
const PH_BARANGAYS = [
  'Brgy. San Isidro', 'Brgy. Poblacion', 'Brgy. San Roque', 'Brgy. Santo Niño', 'Brgy. Bagong Silang',
  'Brgy. Malanday', 'Brgy. San Antonio', 'Brgy. Sta. Cruz', 'Brgy. Holy Spirit', 'Brgy. Commonwealth',
  'Brgy. Mabolo', 'Brgy. Talamban', 'Brgy. Bagumbayan', 'Brgy. Pag-asa', 'Brgy. Bagong Pag-asa',
] as const;
const PH_SUBDIVISIONS = ['Camella Homes', 'BF Homes', 'Villa Verde Subd.', 'Greenwoods Executive Village', 'Lessandra Heights', 'Pag-IBIG Homes'] as const;

const BR_STREETS = [
  'Rua das Flores', 'Rua Augusta', 'Avenida Paulista', 'Rua da Consolação', 'Rua Sete de Setembro',
  'Avenida Brasil', 'Rua São João', 'Rua Dom Pedro II', 'Travessa da Conceição', 'Rua Tiradentes',
  'Avenida Getúlio Vargas', 'Rua Marechal Deodoro', 'Rua XV de Novembro', 'Alameda Santos', 'Rua do Comércio',
  'Avenida Atlântica', 'Rua Amazonas', 'Rua Padre Anchieta',
] as const;
const BR_NEIGHBOURHOODS = [
  'Centro', 'Jardim Paulista', 'Vila Mariana', 'Pinheiros', 'Copacabana', 'Tijuca', 'Boa Viagem', 'Savassi',
  'Barra', 'Aldeota', 'Moema', 'Liberdade', 'Santana', 'Jardim América', 'Vila Nova Conceição', 'Itaim Bibi',
] as const;

const US_STREETS = [
  'Maple Ave', 'Oak St', 'Main St', 'Washington Blvd', 'Park Ave', 'Elm St', 'Sunset Blvd', 'Lincoln Ave',
  'Cedar Ln', 'Lakeview Dr', 'Mission St', 'Broadway', 'Pine St', 'Highland Ave', 'Jefferson St', 'Ocean Dr',
] as const;

function postalCode(rng: Prng, city: City, length: number): string {
  return city.postal + rng.digits(Math.max(0, length - city.postal.length));
}

export function demoAddress(rng: Prng, country: DemoCountry, city: City, label: Address['label']): Address {
  switch (country) {
    case 'PH': {
      const first = rng.chance(0.4)
        ? `Blk ${rng.int(1, 40)} Lot ${rng.int(1, 60)}, ${rng.pick(PH_SUBDIVISIONS)}`
        : `${rng.int(1, 2500)} ${rng.pick(PH_STREETS)}`;
      return { label, lines: [first, rng.pick(PH_BARANGAYS)], city: city.city, region: city.region, postalCode: postalCode(rng, city, 4), country };
    }
    case 'BR': {
      const lines = [`${rng.pick(BR_STREETS)}, ${rng.int(1, 3999)}`];
      if (rng.chance(0.45)) lines.push(`Apto ${rng.int(1, 24)}${rng.int(0, 4)}${rng.chance(0.2) ? `, Bloco ${rng.pick(['A', 'B', 'C'])}` : ''}`);
      lines.push(rng.pick(BR_NEIGHBOURHOODS));
      const cep = postalCode(rng, city, 8);
      return { label, lines, city: city.city, region: city.region, postalCode: `${cep.slice(0, 5)}-${cep.slice(5)}`, country };
    }
    case 'US': {
      const lines = [`${rng.int(10, 9999)} ${rng.pick(US_STREETS)}`];
      if (rng.chance(0.3)) lines.push(`Apt ${rng.int(1, 30)}${rng.pick(['A', 'B', 'C', 'D'])}`);
      return { label, lines, city: city.city, region: city.region, postalCode: postalCode(rng, city, 5), country };
    }
  }
}
