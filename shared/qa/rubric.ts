import type { RubricCriterion } from '../roleplay/scenario';

/**
 * The rubric a supervisor scores a real call with: the same model as role-play (one rubric for
 * guidance, QA and training), and the same criterion ids where the skill is the same, so a
 * trainee's progress and their real calls line up on one line per skill. The version is stored
 * with every evaluation; an edit to this file bumps it.
 */

export const QA_RUBRIC_VERSION = 1;
export const QA_PASS_THRESHOLD = 70;

const three = (
  ids: [string, string, string],
  en: [string, string, string],
  fil: [string, string, string],
  pt: [string, string, string],
): RubricCriterion['levels'] => ids.map((id, i) => ({ id, label: { en: en[i], fil: fil[i], 'pt-BR': pt[i] }, points: i }));

export const QA_RUBRIC: RubricCriterion[] = [
  {
    id: 'greeting-and-verification',
    name: { en: 'Greeted and verified the customer', fil: 'Bumati at na-verify ang customer', 'pt-BR': 'Cumprimentou e verificou o cliente' },
    description: {
      en: 'Did they greet by name and brand, and check who they were talking to before sharing account details?',
      fil: 'Bumati ba sila gamit ang pangalan at brand, at na-verify ba ang kausap bago magbigay ng detalye ng account?',
      'pt-BR': 'Cumprimentou com nome e marca, e confirmou com quem falava antes de passar dados da conta?',
    },
    weight: 15,
    levels: three(
      ['missed', 'partly', 'done'],
      ['No greeting, or shared details unverified', 'Greeted, but verified late or partly', 'Greeted properly and verified before any detail'],
      ['Walang bati, o nagbigay ng detalye nang hindi na-verify', 'Bumati, pero huli o kulang ang verification', 'Maayos na bumati at nag-verify bago magbigay ng detalye'],
      ['Sem saudação, ou passou dados sem verificar', 'Cumprimentou, mas verificou tarde ou em parte', 'Cumprimentou bem e verificou antes de qualquer dado'],
    ),
  },
  {
    id: 'acknowledged-feeling',
    name: { en: 'Acknowledged the feeling', fil: 'Kinilala ang nararamdaman ng customer', 'pt-BR': 'Reconheceu o sentimento do cliente' },
    description: {
      en: 'Did they recognise how the customer felt before going into the process?',
      fil: 'Kinilala ba nila ang nararamdaman ng customer bago pumunta sa proseso?',
      'pt-BR': 'Reconheceu o que o cliente sentia antes de ir ao procedimento?',
    },
    weight: 20,
    levels: three(
      ['missed', 'generic', 'named'],
      ['Went straight to the process, or argued', 'A quick, generic "sorry"', 'Said back the problem and how the customer feels, blaming no one'],
      ['Dumiretso sa proseso, o nakipagtalo', 'Mabilis at generic na "sorry" lang', 'Inulit ang problema at ang nararamdaman ng customer, nang walang sinisisi'],
      ['Foi direto ao procedimento, ou discutiu', 'Um "sinto muito" rápido e genérico', 'Repetiu o problema e o que o cliente sente, sem culpar ninguém'],
    ),
  },
  {
    id: 'found-real-problem',
    name: { en: 'Found the real problem', fil: 'Nahanap ang totoong problema', 'pt-BR': 'Descobriu o problema real' },
    description: {
      en: 'Did they ask until they knew what the customer actually needed?',
      fil: 'Nagtanong ba sila hanggang malaman kung ano talaga ang kailangan ng customer?',
      'pt-BR': 'Perguntou até saber do que o cliente realmente precisava?',
    },
    weight: 20,
    levels: three(
      ['missed', 'partly', 'found'],
      ['Took the first complaint at face value', 'Asked, but stopped short of the real need', 'Found what the customer actually needed'],
      ['Tinanggap agad ang unang reklamo', 'Nagtanong, pero hindi naabot ang totoong kailangan', 'Nahanap kung ano talaga ang kailangan ng customer'],
      ['Aceitou a primeira queixa sem perguntar', 'Perguntou, mas não chegou à necessidade real', 'Descobriu do que o cliente realmente precisava'],
    ),
  },
  {
    id: 'applied-policy',
    name: { en: 'Applied the policy', fil: 'Sinunod ang policy', 'pt-BR': 'Aplicou a política' },
    description: {
      en: 'Did they apply the right policy and explain it in plain words?',
      fil: 'Tamang policy ba ang ginamit at naipaliwanag ba nang malinaw?',
      'pt-BR': 'Aplicou a política certa e explicou em palavras simples?',
    },
    weight: 15,
    levels: three(
      ['wrong', 'partly', 'right'],
      ['Wrong policy, or none', 'Right policy, explained poorly', 'Right policy, explained clearly'],
      ['Maling policy, o wala', 'Tamang policy, pero hindi malinaw ang paliwanag', 'Tamang policy, malinaw ang paliwanag'],
      ['Política errada, ou nenhuma', 'Política certa, mal explicada', 'Política certa, bem explicada'],
    ),
  },
  {
    id: 'right-exception-or-escalation',
    name: { en: 'Offered the right exception or escalation', fil: 'Nag-alok ng tamang exception o escalation', 'pt-BR': 'Ofereceu a exceção ou o escalonamento certo' },
    description: {
      en: 'Where the policy said no, did they offer what fits and take it to the right level with the facts?',
      fil: 'Kung "hindi" ang sabi ng policy, in-offer ba ang akma at inakyat sa tamang level, kumpleto ang detalye?',
      'pt-BR': 'Onde a política dizia não, ofereceu o que cabia e levou ao nível certo com as informações?',
    },
    weight: 15,
    levels: three(
      ['none', 'partly', 'right'],
      ['Left the customer with a flat no, or escalated without trying', 'Offered an option, but not the one that fits, or without saying who approves', 'Offered the option that fits and took it to the right level with the facts'],
      ['Iniwan ang customer sa "hindi po pwede", o in-escalate agad nang hindi sinubukan', "Nag-alok ng option pero hindi 'yung akma, o hindi sinabi kung sino ang mag-a-approve", 'In-offer ang akmang option at inakyat sa tamang level, kumpleto ang detalye'],
      ['Deixou o cliente só com um "não", ou escalou sem tentar resolver', 'Ofereceu uma opção, mas não a adequada, ou sem dizer quem aprova', 'Ofereceu a opção adequada e levou ao nível certo, com todas as informações'],
    ),
  },
  {
    id: 'closed-with-reference',
    name: { en: 'Closed with a reference', fil: 'Nagsara nang may reference', 'pt-BR': 'Encerrou com protocolo' },
    description: {
      en: 'Did they sum up what happens next, when, and give a reference number?',
      fil: 'Binuod ba kung ano ang susunod, kailan, at nagbigay ng reference number?',
      'pt-BR': 'Resumiu o que acontece, quando, e passou o número de protocolo?',
    },
    weight: 15,
    levels: three(
      ['missed', 'partly', 'done'],
      ['Ended with no next step', 'Said the next step, but no reference or time', 'Next step, when, and a reference number'],
      ['Natapos nang walang susunod na hakbang', 'Sinabi ang susunod, pero walang reference o oras', 'Susunod na hakbang, kailan, at reference number'],
      ['Encerrou sem próximo passo', 'Disse o próximo passo, mas sem protocolo ou prazo', 'Próximo passo, prazo e número de protocolo'],
    ),
  },
];

/** What scoreSession reads. */
export const QA_SCORING = { rubric: QA_RUBRIC, passThreshold: QA_PASS_THRESHOLD } as const;
