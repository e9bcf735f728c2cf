import type { Phrasebook } from './phrasebook';

/** English, as agents on US accounts (and many Manila agents) write notes. */
export const ENGLISH: Phrasebook = {
  call: {
    order_status: [
      'Cx called about order {order} ({product}). In transit to {city}; provided tracking number.',
      '{name} asked when the {product} will arrive. Advised 3-5 business days from shipping.',
      'Order status inquiry for {order}. Out for delivery today, advised to wait for the driver.',
      'Cx following up on {order}. Package at the local facility in {city}, ETA given.',
    ],
    late: [
      'Cx upset that order {order} is {days} days late. Apologized, opened a trace with the carrier ({ref}), promised callback in 24h.',
      'Third call from {name} about {order}, still no tracking update. Escalated to logistics.',
      '{product} delayed {days} days. Cx frustrated; complaint logged and carrier claim filed ({ref}).',
    ],
    damaged: [
      '{product} arrived damaged (crushed box, cracked casing). Asked for photos by email and opened a return.',
      'Cx received the {product} broken. Advised not to use it; return pickup scheduled ({ref}).',
    ],
    defective: [
      '{product} stopped working after a few days. Walked cx through troubleshooting, no luck; offered an exchange.',
      'Tech support: {product} will not power on. Tried another outlet and cable, same issue. Exchange opened ({ref}).',
      'Cx reports the {product} overheats. Could not fix remotely, sent for exchange.',
    ],
    change_mind: [
      'Cx wants to return the {product}, does not fit the space. Within the 30-day window; sent return label.',
      '{name} changed their mind about the {product}. Explained the return policy and restocking fee.',
    ],
    cancel: [
      'Cx asked to cancel order {order}. Cancelled; refund of {amount} to the card in 5-7 business days.',
      'Cancellation of {order} at customer request (found it cheaper elsewhere). Refund {amount} filed.',
    ],
    billing: [
      'Double charge on the card for order {order} ({amount}). Verified with payments, refund requested.',
      'Cx did not recognize a charge of {amount}. It is the second installment for {order}; explained.',
    ],
    warranty: [
      'Cx asked about the warranty on the {product}: 1 year with proof of purchase. Gave the service center in {city}.',
      'Extended warranty question for the {product}. Explained coverage and how to file a claim.',
    ],
    promo: [
      'Cx asked about the holiday sale. Explained the coupon and free shipping over {amount}.',
      '{name} tried an expired coupon on the {product}. Offered the current promo code instead.',
    ],
    address: [
      'Updated delivery address at {name}\'s request (moved to {city}).',
      'Cx asked to change phone number and address on file. Verified identity before updating.',
    ],
    follow_up: [
      'Called back as promised; told cx {request} was approved. Cx happy.',
      'Outbound follow-up: let {name} know {request} for {order} is done. No further concerns.',
      'Callback done. Explained {request} is waiting on the bank. Cx okay with it.',
    ],
    no_answer: ['Callback attempt, no answer. Left a voicemail.', 'Tried to reach cx, line busy. Will retry this afternoon.'],
  },
  complaint: {
    delivery: [
      'Complaint: order {order} is {days} days late with no tracking update.',
      'Complaint: tracking says delivered but cx never received it. Carrier investigation opened.',
      'Complaint about the driver: left the parcel in the rain at the gate.',
    ],
    product_quality: ['Complaint: {product} defective out of the box.', 'Complaint: {product} not as described on the website.'],
    billing: ['Complaint: charged twice for order {order}.', 'Complaint: shipping fee higher than shown at checkout.'],
    service: [
      'Complaint: previous agent hung up without resolving the issue.',
      'Complaint: transferred several times and had to repeat the story.',
    ],
  },
  reason: {
    return: ['Arrived damaged', 'Does not fit', 'Wrong item shipped', 'Changed mind (within 30 days)'],
    exchange: ['Defective, will not power on', 'Wrong size', 'Wrong color'],
    refund: ['Order cancelled', 'Duplicate charge', 'Item returned', 'Order never arrived'],
  },
  request: {
    return: [
      'Return for the {product} ({order}). Carrier pickup within 3 days.',
      'Return opened. Advised cx to pack the {product} in the original box with the receipt.',
    ],
    exchange: [
      'Exchange: replacement {product} ships once the defective one is picked up.',
      'Exchange approved for {order}: same item, same color.',
    ],
    refund: [
      'Refund of {amount} for order {order}. 5-7 business days to post.',
      'Refund of {amount} back to the original payment method. Ref {ref}.',
    ],
  },
  requestName: { return: 'the return', exchange: 'the exchange', refund: 'the refund' },
  escalation: {
    manager: [
      'Cx asked for a supervisor. Escalated to {manager}: unresolved for {days} days.',
      'Escalated to {manager}: repeat caller about {order}, very irate.',
    ],
    director: [
      'Escalated to director: cx threatening to file with the BBB and dispute the charge.',
      'Director escalation: cx posted about order {order} on social media. Needs immediate action.',
    ],
  },
  callback: [
    'Callback scheduled to update cx on order {order}.',
    'Promised {name} a callback after checking with logistics.',
    'Cx asked to be called back after lunch, at work now.',
  ],
  survey: {
    good: [
      'The agent was very kind and fixed my problem fast. Thank you!',
      'Great service, clear and patient.',
      'Resolved on the first call, very happy.',
    ],
    mixed: ['Got it sorted, but the hold time was long.', 'It was okay; the refund could be faster.'],
    bad: ['Called three times and nothing happens. Very disappointed.', 'My problem was not solved and nobody called back.'],
  },
  note: [
    'Prefers calls in the morning, not after 8pm.',
    'Hard of hearing, speak slowly and confirm details.',
    'Note: refund pending, check before offering a new promo.',
    'Prefers email for order updates.',
  ],
  vipNote: [
    'VIP customer, priority handling. Endorse to TL directly for any issue.',
    'Loyal customer since {year}, many orders. Extra care.',
  ],
};
