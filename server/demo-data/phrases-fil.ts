import type { Phrasebook } from './phrasebook';

/** Filipino and Taglish, as Manila agents write notes and as customers answer surveys. */
export const FILIPINO: Phrasebook = {
  call: {
    order_status: [
      'Tumawag si {name} para alamin kung nasaan na ang order {order}. In transit na papuntang {city}, binigay ko ang tracking number.',
      'Cx called to follow up sa order {order} ({product}). Na-check ko sa system, out for delivery na today. Adv na hintayin ang rider.',
      'Nagtanong si cx kung kailan darating ang {product}. Sabi ko 3-5 business days pa mula nung na-ship. Okay naman siya.',
      'Follow up ng cx sa {order}. Nasa sorting facility pa raw sa {city}. In-explain ko ang status at ETA.',
    ],
    late: [
      'Galit si cx kasi {days} araw nang delayed ang order {order}. Nag-sorry ako at nag-file ng complaint sa courier, ticket {ref}.',
      'Cx frustrated, {days} days delayed na raw ang {product}. Escalated sa logistics team ({ref}). Will call back within 24 hrs.',
      'Pangatlong tawag na ni {name} tungkol sa {order}. Wala pa ring update ang courier. Nag-promise ako ng callback bukas ng umaga.',
    ],
    damaged: [
      'Dumating na sira ang {product}, basag daw at may yupi ang kahon. Pinakuha ko ng picture at pinasend sa email. Na-file na ang return.',
      'Cx received the {product} pero damaged pagdating, hindi gumagana. Adv return and replacement, sinend ko na ang return form.',
      'Reklamo ni cx: may gasgas at lamat ang {product} pagbukas ng box. In-assure ko na papalitan, nag-file ng return request {ref}.',
    ],
    defective: [
      'Hindi nag-o-on ang {product} after 2 days. Ginawa namin ang troubleshooting (reset, ibang saksakan) pero ayaw pa rin. In-offer ko ang exchange.',
      'Cx reports na nag-o-overheat ang {product}. Step-by-step troubleshooting over the phone, hindi naayos. Exchange request filed ({ref}).',
      'Tech support: ayaw mag-charge ng {product}. Pinatry ko ang ibang cable at charger, same issue. Endorsed for exchange.',
    ],
    change_mind: [
      'Gusto ibalik ni cx ang {product}, hindi raw pala kasya sa pwesto niya. Within 7 days pa kaya pwede ang return. Sinend ang instructions.',
      'Nagbago ang isip ni {name} sa {product}, ibang kulay pala ang gusto. In-explain ko ang return policy at ang fees.',
    ],
    cancel: [
      'Pinacancel ni cx ang order {order} kasi nakabili na raw siya sa iba. Cancelled na, ire-refund ang {amount} within 7-10 banking days.',
      'Cx requested cancellation ng {order}, masyado raw matagal ang delivery. Na-cancel ko na at na-file ang refund na {amount}.',
    ],
    billing: [
      'Dalawang beses daw na-charge ang card ni cx para sa order {order} ({amount}). Na-verify sa payments, may double charge nga. Nag-file ng refund.',
      'Cx asking bakit may charge na {amount} sa GCash niya pero cancelled ang order. Na-check ko, for reversal na. Adv 3-5 days.',
    ],
    warranty: [
      'Nagtanong si cx tungkol sa warranty ng {product}. Sinabi ko na 1 year ang warranty at kailangan ang resibo o order number.',
      'Cx inquired kung covered pa ng warranty ang {product}. Covered pa, binigay ko ang address ng service center sa {city}.',
    ],
    promo: [
      'Nagtanong tungkol sa promo ngayong sale. In-explain ko ang discount at free shipping sa orders na lampas {amount}.',
      'Cx asked kung pwede gamitin ang voucher sa {product}. Hindi na valid ang voucher, in-offer ko ang current promo.',
    ],
    address: [
      'Nag-update ng delivery address si {name}, lumipat na raw sa {city}. Naka-save na ang bagong address.',
      'Cx requested na palitan ang contact number at address sa account. Verified identity bago i-update.',
    ],
    follow_up: [
      'Tinawagan ko ulit si cx gaya ng pangako. In-update ko na approved na ang {request}. Masaya na siya, thank you raw.',
      'Outbound follow-up: in-inform ko si {name} na naproseso na ang {request} para sa {order}. No further concerns.',
      'Callback done. Na-explain ko ang status ng {request}, hinihintay na lang ang bangko. Cx okay with it.',
    ],
    no_answer: [
      'Callback attempt, walang sumasagot. Nag-iwan ng text message.',
      'Tinawagan si cx pero cannot be reached. Will try again mamayang hapon.',
    ],
  },
  complaint: {
    delivery: [
      'Reklamo: {days} araw nang late ang order {order}, walang update mula sa courier.',
      'Cx complaint: sabi ng tracking delivered na pero walang natanggap si cx. For investigation sa courier.',
      'Reklamo sa rider: hindi raw hinintay na makababa si cx at ibinalik ang parcel sa hub.',
    ],
    product_quality: [
      'Reklamo: depektibo ang {product} pagdating, hindi gumagana.',
      'Cx complaint: iba ang {product} na dumating sa nasa picture ng listing.',
    ],
    billing: [
      'Reklamo: doble ang singil sa card para sa order {order}.',
      'Cx complaint: may dagdag na shipping fee na hindi naman sinabi sa checkout.',
    ],
    service: [
      'Reklamo: ilang beses na tumawag pero walang callback na natanggap.',
      'Cx complaint: pinasa-pasa raw siya sa iba-ibang agent at paulit-ulit ang kwento niya.',
    ],
  },
  reason: {
    return: ['Sira pagdating', 'Hindi kasya', 'Maling item ang dumating', 'Nagbago ang isip (within 7 days)'],
    exchange: ['Depektibo, hindi nag-o-on', 'Maling size', 'Maling kulay'],
    refund: ['Cancelled na order', 'Double charge', 'Naibalik na ang item', 'Hindi dumating ang order'],
  },
  request: {
    return: [
      'Return request para sa {product} ({order}). Pickup ng courier sa loob ng 3 araw.',
      'Na-file ang return ng {product}. Adv cx na ihanda ang item sa original box with resibo.',
    ],
    exchange: [
      'Exchange request: papalitan ang {product} ng bagong unit. Ipapadala pagkatapos ma-pickup ang luma.',
      'For exchange ang {product} ({order}). Same item, same color ang ipapalit.',
    ],
    refund: [
      'Refund na {amount} para sa order {order}. 7-10 banking days bago pumasok sa account.',
      'Na-file ang refund ({amount}) pabalik sa GCash/card ni cx. Ref {ref}.',
    ],
  },
  requestName: { return: 'return', exchange: 'exchange', refund: 'refund' },
  escalation: {
    manager: [
      'Hiningi ni cx na makausap ang supervisor. In-endorse ko kay {manager} dahil {days} araw na at hindi pa naaayos.',
      'Escalated to TL {manager}: paulit-ulit na ang tawag ni cx tungkol sa {order}, irate na.',
    ],
    director: [
      'Na-escalate sa director: nagbanta si cx na magrereklamo sa DTI kung hindi ma-refund ngayong linggo.',
      'Escalation to director: nag-post na raw si cx sa social media tungkol sa {order}. Kailangan ng agarang aksyon.',
    ],
  },
  callback: [
    'Callback scheduled para i-update si cx sa status ng {order}.',
    'Nangako ng callback kay {name} pagkatapos makausap ang logistics.',
    'Cx requested na tawagan siya ulit after lunch, busy raw sa trabaho.',
  ],
  survey: {
    good: [
      'Ang bait ng agent, mabilis naayos ang problema ko. Salamat po!',
      'Okay na okay, maayos kausap at malinaw magpaliwanag.',
      'Very helpful si ate, salamat sa pasensya.',
    ],
    mixed: [
      'Naayos naman pero ang tagal kong naghintay sa linya.',
      'Okay lang, sana mas mabilis ang refund.',
    ],
    bad: [
      'Tatlong beses na akong tumawag, wala pa ring nangyayari. Sobrang disappointed ako.',
      'Hindi naayos ang problema ko at walang tumawag ulit.',
    ],
  },
  note: [
    'Mas gusto ni cx na tawagan sa umaga, huwag pagkatapos ng 8pm.',
    'Prefers Filipino kapag kausap. Senior citizen, dahan-dahan magpaliwanag.',
    'Note: may pending na refund, i-check muna bago mag-offer ng bagong promo.',
    'Cx uses the same number for GCash, i-verify ang last 4 digits bago mag-update.',
  ],
  vipNote: [
    'VIP customer, priority handling. Direct endorse sa TL kapag may concern.',
    'Loyal cx simula pa noong {year}, maraming orders. Bigyan ng extra care.',
  ],
};
