import { SurveyDefinition } from './survey-definition';

/**
 * The survey every floor sends unless it defines its own: how satisfied the customer was (1–5),
 * how likely they are to recommend us (0–10), and anything they want to add.
 */
export const STANDARD_SURVEY: SurveyDefinition = SurveyDefinition.parse({
  id: 'standard',
  version: 1,
  questions: [
    {
      id: 'satisfaction',
      kind: 'scale',
      measures: 'csat',
      min: 1,
      max: 5,
      required: true,
      text: {
        en: 'How satisfied are you with the help you got on this call?',
        fil: 'Gaano po kayo nasiyahan sa tulong na natanggap ninyo sa tawag na ito?',
        'pt-BR': 'Qual é a sua satisfação com o atendimento nesta ligação?',
      },
      lowLabel: { en: 'Very unhappy', fil: 'Hindi po nasiyahan', 'pt-BR': 'Muito insatisfeito' },
      highLabel: { en: 'Very happy', fil: 'Lubos na nasiyahan', 'pt-BR': 'Muito satisfeito' },
    },
    {
      id: 'recommend',
      kind: 'scale',
      measures: 'nps',
      min: 0,
      max: 10,
      required: true,
      text: {
        en: 'How likely are you to recommend us to a friend or family member?',
        fil: 'Gaano po kalamang na irekomenda ninyo kami sa kaibigan o kapamilya?',
        'pt-BR': 'De 0 a 10, qual a chance de você nos indicar para um amigo ou familiar?',
      },
      lowLabel: { en: 'Not at all likely', fil: 'Hindi talaga', 'pt-BR': 'Nenhuma chance' },
      highLabel: { en: 'Extremely likely', fil: 'Siguradong-sigurado', 'pt-BR': 'Com certeza' },
    },
    {
      id: 'comment',
      kind: 'text',
      measures: 'comment',
      maxLength: 2_000,
      required: false,
      text: {
        en: 'Anything you would like to tell us? What went well, or what could we do better?',
        fil: 'May gusto po ba kayong sabihin sa amin? Ano ang nagustuhan ninyo, o ano pa ang puwede naming pagbutihin?',
        'pt-BR': 'Quer contar mais alguma coisa? O que foi bom ou o que podemos melhorar?',
      },
      hint: { en: 'Optional.', fil: 'Hindi kailangan kung ayaw ninyo.', 'pt-BR': 'Opcional.' },
    },
  ],
  texts: {
    title: { en: 'How was your call with us?', fil: 'Kumusta po ang tawag ninyo sa amin?', 'pt-BR': 'Como foi o seu atendimento?' },
    intro: {
      en: 'Thank you for calling! This takes about a minute, and your answers really help us.',
      fil: 'Salamat po sa pagtawag! Isang minuto lang po ito, at malaking tulong sa amin ang mga sagot ninyo.',
      'pt-BR': 'Obrigado por falar com a gente! Leva só um minutinho e a sua opinião ajuda muito.',
    },
    submit: { en: 'Send', fil: 'Ipadala', 'pt-BR': 'Enviar' },
    required: { en: 'Please answer this question.', fil: 'Pakisagot po ang tanong na ito.', 'pt-BR': 'Por favor, responda esta pergunta.' },
    fixErrors: {
      en: 'A few answers are missing. Please check the questions below.',
      fil: 'May kulang pa po sa mga sagot. Pakitingnan ang mga tanong sa ibaba.',
      'pt-BR': 'Faltam algumas respostas. Confira as perguntas abaixo.',
    },
    thanksTitle: { en: 'Thank you!', fil: 'Maraming salamat po!', 'pt-BR': 'Muito obrigado!' },
    thanks: {
      en: 'We have your answers. They help us look after you better every time you call.',
      fil: 'Natanggap na po namin ang mga sagot ninyo. Malaking tulong ito para mas mapaganda pa namin ang serbisyo sa inyo.',
      'pt-BR': 'Recebemos as suas respostas. Elas nos ajudam a atender você cada vez melhor.',
    },
    answeredTitle: { en: 'This survey has been answered', fil: 'Nasagutan na po ang survey na ito', 'pt-BR': 'Esta pesquisa já foi respondida' },
    answered: {
      en: 'We already have an answer from this link. Thank you again!',
      fil: 'Natanggap na po namin ang sagot mula sa link na ito. Salamat po ulit!',
      'pt-BR': 'Já recebemos uma resposta por este link. Obrigado mais uma vez!',
    },
    expiredTitle: { en: 'This link has expired', fil: 'Hindi na po magagamit ang link na ito', 'pt-BR': 'Este link expirou' },
    expired: {
      en: 'The time to answer this survey has passed. Thank you for your time all the same.',
      fil: 'Lumipas na po ang panahon para sagutan ang survey na ito. Salamat pa rin po sa inyong oras.',
      'pt-BR': 'O prazo para responder esta pesquisa terminou. Obrigado pelo seu tempo mesmo assim.',
    },
    invalidTitle: { en: 'We could not open this link', fil: 'Hindi po namin mabuksan ang link na ito', 'pt-BR': 'Não conseguimos abrir este link' },
    invalid: {
      en: 'The link looks incomplete or changed. Please check that you copied the whole link from our message.',
      fil: 'Mukhang kulang o nabago po ang link. Pakisuri kung buo ninyong nakopya ang link mula sa mensahe namin.',
      'pt-BR': 'O link parece incompleto ou alterado. Confira se você copiou o link inteiro da nossa mensagem.',
    },
  },
});
