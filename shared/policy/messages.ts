import type { Language } from '../domain/user';
import type { PolicyMessage } from './policy-decision';
import type { PolicyPack } from './policy-pack';

/**
 * The words for every message key the evaluator emits, in the floor's three languages. Reasons are
 * written for the agent to say to the customer as they stand (polite Taglish with "po" for Manila,
 * "você" as Brazilian SAC agents speak); notices and outcomes speak to the agent.
 *
 * Merge each language under `policy` in the renderer's catalog; a decision's keys are then i18next
 * keys (`policy.reason.withinWindow`). Placeholders take display values: use `displayParams()`
 * to turn a message's raw params (ISO dates, minor units, codes, rule ids) into them.
 */

const en = {
  disclaimer: 'Example of company policy, not legal advice.',
  outcome: {
    eligible: 'Eligible: you can go ahead.',
    notEligible: 'Not eligible under the policy.',
    needsManager: "Needs a manager's approval.",
    needsDirector: "Needs a director's approval.",
  },
  reason: {
    withinWindow: "You're still within the {{days}}-day period for this, which runs until {{lastDay}}.",
    windowClosed: 'The {{days}}-day period for this ended on {{lastDay}}.',
    exception: 'The {{days}}-day period ended on {{lastDay}}, but I can ask for an exception for you.',
    hiddenDefect:
      "It's been more than {{days}} days since delivery, but when a defect only shows up later the period counts from when it appeared, so I'll have your case reviewed.",
    loyalCustomer: 'The usual period ended on {{lastDay}}, but as a valued customer I can ask to extend it for you until {{exceptionUntil}}.',
    excluded: {
      finalSale: "This item was bought on final sale, so it isn't covered for this kind of request.",
      hygiene: "For hygiene reasons, we can't take this item back once it's been opened.",
      perishable: 'This is a consumable item, so we can only take it back if something is wrong with it.',
      used: "Since the item has been used, it isn't covered for this kind of request.",
      opened: 'Since the item has been opened, this needs an approval first.',
      other: "This item isn't covered for this kind of request: {{rule}}.",
    },
    proofMissing: 'To go ahead, we need {{proof}}.',
    restockingFee: 'Because the item was opened, a {{percent}}% restocking fee applies: {{fee}}.',
    amountOverThreshold: 'Because the amount is over {{limit}}, it needs an approval first.',
    aboveManagerLimit: 'For an amount of {{amount}}, a director makes the decision.',
    currencyMismatch: 'The order was paid in {{currency}}, so a manager needs to check the amount.',
    countedFromPurchase: "We don't have a delivery date, so the period counts from your purchase on {{startDay}}.",
    notCovered: "Our policy doesn't cover this request: {{rule}}.",
    caseByCase: "There's no set rule for this, so we'll look at your case individually.",
  },
  notice: {
    protocol: 'Give the customer the reference number (protocolo) for this contact.',
    noReturnNoExchange: 'Never say "no return, no exchange": a defective item can always be returned or exchanged.',
    fullRefund: 'Withdrawal right: refund everything paid, shipping included, with no fee and without asking for a reason.',
    checkDefect: 'Ask whether anything is wrong with the item: a defect is covered even after the change-of-mind period.',
    channelAssumed: "The order doesn't say how it was placed, so it was treated as {{channel}}. Check with the customer.",
  },
  proof: {
    receipt: 'the receipt',
    photo: 'a photo of the item',
    original_packaging: 'the original packaging',
  },
  channel: {
    online: 'an online order',
    phone: 'a phone order',
    store: 'an in-store purchase',
  },
};

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };
export type PolicyCatalog = Catalog<typeof en>;

const fil: PolicyCatalog = {
  disclaimer: 'Halimbawa lang ito ng company policy, hindi legal advice.',
  outcome: {
    eligible: 'Eligible: puwede mo nang i-process.',
    notEligible: 'Hindi eligible ayon sa policy.',
    needsManager: 'Kailangan ng approval ng manager.',
    needsDirector: 'Kailangan ng approval ng director.',
  },
  reason: {
    withinWindow: 'Pasok pa po kayo sa {{days}}-day period para dito, hanggang {{lastDay}} po ito.',
    windowClosed: 'Natapos na po noong {{lastDay}} ang {{days}}-day period para dito.',
    exception: 'Natapos na po noong {{lastDay}} ang {{days}}-day period, pero puwede ko po kayong i-request ng exception.',
    hiddenDefect:
      'Lampas na po sa {{days}} araw mula nang ma-deliver, pero kapag ngayon lang lumabas ang depekto, binibilang ang period mula nang lumabas ito, kaya ipapa-review ko po ang case ninyo.',
    loyalCustomer:
      'Natapos na po noong {{lastDay}} ang usual na period, pero bilang valued customer namin, puwede ko pong i-request na ma-extend ito hanggang {{exceptionUntil}}.',
    excluded: {
      finalSale: 'Final sale po ang pagkakabili ng item na ito, kaya hindi po siya covered sa ganitong request.',
      hygiene: 'Para sa hygiene po, hindi na namin matatanggap pabalik ang item na ito kapag nabuksan na.',
      perishable: 'Consumable po ang item na ito, kaya matatanggap lang po namin pabalik kung may problema mismo sa produkto.',
      used: 'Nagamit na po ang item, kaya hindi na po siya covered sa ganitong request.',
      opened: 'Nabuksan na po ang item, kaya kailangan muna nito ng approval.',
      other: 'Hindi po covered ang item na ito sa ganitong request: {{rule}}.',
    },
    proofMissing: 'Para ma-process po namin ito, kailangan namin ng {{proof}}.',
    restockingFee: 'Dahil nabuksan na po ang item, may {{percent}}% restocking fee na {{fee}}.',
    amountOverThreshold: 'Dahil lampas po sa {{limit}} ang halaga, kailangan muna itong ma-approve.',
    aboveManagerLimit: 'Dahil {{amount}} po ang halaga, director na po ang magde-decide dito.',
    currencyMismatch: '{{currency}} po ang ginamit sa order, kaya kailangan munang i-check ng manager ang halaga.',
    countedFromPurchase: 'Wala po kaming delivery date, kaya binibilang po ang period mula sa araw ng purchase ninyo, {{startDay}}.',
    notCovered: 'Hindi po sakop ng policy namin ang request na ito: {{rule}}.',
    caseByCase: 'Wala pong specific na rule para dito, kaya case-by-case po naming titingnan ang sitwasyon ninyo.',
  },
  notice: {
    protocol: 'Ibigay sa customer ang reference number (protocolo) ng contact na ito.',
    noReturnNoExchange: 'Huwag sabihing "no return, no exchange": laging puwedeng i-return o i-exchange ang item na may depekto.',
    fullRefund: 'Withdrawal right ito: i-refund lahat ng binayaran, kasama ang shipping, walang fee at hindi na kailangang tanungin kung bakit.',
    checkDefect: 'Itanong kung may sira o problema ang item: covered ang depekto kahit tapos na ang change-of-mind period.',
    channelAssumed: 'Hindi nakalagay sa order kung paano ito in-order, kaya tinuring itong {{channel}}. I-confirm sa customer.',
  },
  proof: {
    receipt: 'resibo',
    photo: 'picture ng item',
    original_packaging: 'original na packaging',
  },
  channel: {
    online: 'online order',
    phone: 'order sa phone',
    store: 'bili sa store',
  },
};

const ptBR: PolicyCatalog = {
  disclaimer: 'Exemplo de política da empresa, não é aconselhamento jurídico.',
  outcome: {
    eligible: 'Elegível: pode seguir com o pedido.',
    notEligible: 'Não elegível pela política.',
    needsManager: 'Precisa da aprovação de um gerente.',
    needsDirector: 'Precisa da aprovação de um diretor.',
  },
  reason: {
    withinWindow: 'Você ainda está dentro do prazo de {{days}} dias para isso, que vai até {{lastDay}}.',
    windowClosed: 'O prazo de {{days}} dias para isso terminou em {{lastDay}}.',
    exception: 'O prazo de {{days}} dias terminou em {{lastDay}}, mas posso pedir uma exceção para você.',
    hiddenDefect:
      'Já se passaram mais de {{days}} dias da entrega, mas, quando o defeito só aparece depois, o prazo conta a partir do momento em que ele apareceu. Vou encaminhar o seu caso para análise.',
    loyalCustomer: 'O prazo normal terminou em {{lastDay}}, mas, como você é um cliente especial, posso pedir para estender até {{exceptionUntil}}.',
    excluded: {
      finalSale: 'Este item foi comprado em liquidação, como venda final, então não tem cobertura para este tipo de pedido.',
      hygiene: 'Por questões de higiene, não conseguimos receber este item de volta depois de aberto.',
      perishable: 'Este é um item de consumo, então só podemos recebê-lo de volta se houver algum problema com o produto.',
      used: 'Como o item já foi usado, ele não tem cobertura para este tipo de pedido.',
      opened: 'Como o item já foi aberto, o pedido precisa de aprovação antes.',
      other: 'Este item não tem cobertura para este tipo de pedido: {{rule}}.',
    },
    proofMissing: 'Para seguir, vamos precisar do seguinte: {{proof}}.',
    restockingFee: 'Como o item foi aberto, há uma taxa de reposição de estoque de {{percent}}%: {{fee}}.',
    amountOverThreshold: 'Como o valor passa de {{limit}}, o pedido precisa de aprovação antes.',
    aboveManagerLimit: 'Por ser um valor de {{amount}}, quem decide é um diretor.',
    currencyMismatch: 'O pedido foi pago em {{currency}}, então um gerente precisa conferir o valor.',
    countedFromPurchase: 'Não temos a data de entrega, então o prazo conta a partir da compra, em {{startDay}}.',
    notCovered: 'Nossa política não cobre este pedido: {{rule}}.',
    caseByCase: 'Não há uma regra específica para isso, então vamos analisar o seu caso individualmente.',
  },
  notice: {
    protocol: 'Informe ao cliente o número de protocolo deste atendimento.',
    noReturnNoExchange: 'Nunca diga "não aceitamos troca nem devolução": produto com defeito sempre pode ser devolvido ou trocado.',
    fullRefund: 'Direito de arrependimento: devolva tudo o que foi pago, inclusive o frete, sem taxa e sem pedir justificativa.',
    checkDefect: 'Pergunte se o produto tem algum problema: defeito tem cobertura mesmo depois do prazo de arrependimento.',
    channelAssumed: 'O pedido não informa o canal de compra, então foi considerado {{channel}}. Confirme com o cliente.',
  },
  proof: {
    receipt: 'nota fiscal',
    photo: 'foto do produto',
    original_packaging: 'embalagem original',
  },
  channel: {
    online: 'compra pela internet',
    phone: 'compra por telefone',
    store: 'compra na loja',
  },
};

export const policyMessages: Readonly<Record<Language, PolicyCatalog>> = { en, fil, 'pt-BR': ptBR };

type Leaves<T, Prefix extends string> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every key, as the renderer's catalogs will hold it once merged under `policy`. */
export type PolicyMessageKey = Leaves<PolicyCatalog, 'policy.'>;

function leaves(node: object, prefix: string): string[] {
  return Object.entries(node).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v as object, `${prefix}${k}.`)));
}

export const POLICY_MESSAGE_KEYS = leaves(en, 'policy.') as readonly PolicyMessageKey[];

/** The text behind a key, or undefined for a key this file does not know. */
export function policyTemplate(key: string, language: Language): string | undefined {
  let node: unknown = policyMessages[language];
  for (const part of key.replace(/^policy\./, '').split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

/** The rule's (or extension's) label in `language`; the id when the pack does not know it. */
export function ruleLabel(pack: PolicyPack, ruleId: string, language: Language): string {
  for (const rule of pack.rules) {
    if (rule.id === ruleId) return rule.labels[language];
    if (rule.kind === 'window') {
      const extension = rule.beyond.find((e) => e.id === ruleId);
      if (extension) return extension.labels[language];
    }
  }
  return ruleId;
}

/** How the UI writes dates, money and lists; the renderer passes its Intl-based formatters. */
export interface PolicyFormat {
  /** A calendar date given as `YYYY-MM-DD`. */
  date(isoDate: string): string;
  /** An amount in minor units (centavos, cents) of `currency`. */
  money(minor: number, currency: string): string;
  /** Items joined as the language joins them ("a, b and c"). */
  list(items: string[]): string;
}

const DATE_PARAMS = new Set(['lastDay', 'exceptionUntil', 'startDay']);
const MONEY_PARAMS: Readonly<Record<string, string>> = { amountMinor: 'amount', limitMinor: 'limit', feeMinor: 'fee' };

/** A message's raw params as the values its placeholders expect, in `language`. */
export function displayParams(m: PolicyMessage, pack: PolicyPack, language: Language, format: PolicyFormat): Record<string, string> {
  const out: Record<string, string> = {};
  const currency = typeof m.params.currency === 'string' ? m.params.currency : pack.currency;
  for (const [name, value] of Object.entries(m.params)) {
    if (name === 'rule' && typeof value === 'string') out.rule = ruleLabel(pack, value, language);
    else if (name === 'proof' && Array.isArray(value)) out.proof = format.list(value.map((p) => policyTemplate(`policy.proof.${p}`, language) ?? p));
    else if (name === 'channel' && typeof value === 'string') out.channel = policyTemplate(`policy.channel.${value}`, language) ?? value;
    else if (DATE_PARAMS.has(name) && typeof value === 'string') out[name] = format.date(value);
    else if (name in MONEY_PARAMS && typeof value === 'number') out[MONEY_PARAMS[name]!] = format.money(value, currency);
    else out[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

/** The sentence for a message in `language`, placeholders filled. */
export function policyText(m: PolicyMessage, pack: PolicyPack, language: Language, format: PolicyFormat): string {
  const template = policyTemplate(m.key, language) ?? m.key;
  const params = displayParams(m, pack, language, format);
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => params[name] ?? whole);
}
