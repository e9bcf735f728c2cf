import type { Phrasebook } from './phrasebook';

/** Brazilian Portuguese, as São Paulo agents write notes and customers answer surveys. */
export const PORTUGUESE: Phrasebook = {
  call: {
    order_status: [
      'Cliente ligou para saber do pedido {order} ({product}). Consta em trânsito para {city}; passei o código de rastreio.',
      '{name} perguntou quando chega o {product}. Informei prazo de 3 a 5 dias úteis após a postagem.',
      'Cliente quer saber do pedido {order}. Saiu para entrega hoje, orientei a aguardar até as 18h.',
      'Dúvida sobre o rastreio do pedido {order}: objeto aguardando retirada na agência dos Correios em {city}.',
    ],
    late: [
      'Cliente reclamou que o pedido {order} está {days} dias atrasado. Abri chamado {ref} com a transportadora e prometi retorno em 24h.',
      'Terceira ligação de {name} sobre o pedido {order}, sem atualização no rastreio. Pedi desculpas e agendei retorno.',
      'Atraso de {days} dias no {product}. Cliente bastante irritado; registrei reclamação e acionei a logística ({ref}).',
    ],
    damaged: [
      '{product} chegou danificado (caixa amassada, produto quebrado). Pedi fotos por e-mail e abri solicitação de devolução.',
      'Cliente recebeu o {product} com a tela trincada. Orientei a não usar o produto e gerei a coleta ({ref}).',
    ],
    defective: [
      '{product} parou de funcionar depois de poucos dias. Fizemos o passo a passo de suporte sem sucesso; ofereci a troca.',
      'Suporte técnico: {product} não liga. Testamos outra tomada e outro cabo, mesmo problema. Troca aberta ({ref}).',
      'Cliente relata que o {product} esquenta demais. Sem solução remota, encaminhado para troca.',
    ],
    change_mind: [
      'Cliente desistiu da compra do {product} dentro dos 7 dias (direito de arrependimento). Gerei a etiqueta de devolução.',
      '{name} quer devolver o {product}, não serviu. Expliquei a política de devolução e enviei o código de postagem.',
    ],
    cancel: [
      'Cliente pediu o cancelamento do pedido {order}. Cancelado; estorno de {amount} em até 2 faturas do cartão.',
      'Cancelamento do pedido {order} a pedido do cliente (comprou em outra loja). Reembolso de {amount} via Pix em até 5 dias úteis.',
    ],
    billing: [
      'Cobrança em duplicidade no cartão para o pedido {order} ({amount}). Confirmado com o financeiro, estorno solicitado.',
      'Cliente não reconhece a cobrança de {amount}. Verifiquei: parcela do pedido {order}. Expliquei o parcelamento em 10x sem juros.',
    ],
    warranty: [
      'Cliente perguntou sobre a garantia do {product}: 12 meses com a nota fiscal. Passei o endereço da assistência em {city}.',
      'Dúvida sobre garantia estendida do {product}. Expliquei a cobertura e como acionar.',
    ],
    promo: [
      'Cliente perguntou sobre a promoção da Black Friday. Expliquei o cupom e o frete grátis acima de {amount}.',
      '{name} quis usar cupom vencido no {product}. Ofereci o cupom da campanha atual.',
    ],
    address: [
      'Atualizado o endereço de entrega a pedido de {name} (mudou-se para {city}).',
      'Cliente pediu para alterar telefone e endereço do cadastro. Identidade confirmada antes da alteração.',
    ],
    follow_up: [
      'Retornei a ligação conforme combinado; informei que {request} foi aprovado. Cliente satisfeito.',
      'Contato ativo: avisei {name} que {request} do pedido {order} foi concluído. Sem mais pendências.',
      'Retorno realizado. Expliquei a situação de {request}, aguardando o banco. Cliente ciente.',
    ],
    no_answer: [
      'Tentativa de retorno sem sucesso, caixa postal. Enviei mensagem por WhatsApp.',
      'Cliente não atendeu. Nova tentativa agendada para a tarde.',
    ],
  },
  complaint: {
    delivery: [
      'Reclamação: pedido {order} com {days} dias de atraso e sem atualização do rastreio.',
      'Reclamação: rastreio mostra entregue, mas o cliente não recebeu. Aberta investigação com a transportadora.',
      'Reclamação sobre o entregador: não tocou o interfone e devolveu o pedido.',
    ],
    product_quality: [
      'Reclamação: {product} com defeito de fábrica.',
      'Reclamação: {product} diferente do anunciado no site.',
    ],
    billing: [
      'Reclamação: cobrança duplicada no cartão para o pedido {order}.',
      'Reclamação: frete cobrado a mais do que o informado no checkout.',
    ],
    service: [
      'Reclamação: atendente anterior desligou a ligação sem resolver.',
      'Reclamação: cliente transferido várias vezes e teve que repetir o problema.',
    ],
  },
  reason: {
    return: ['Produto avariado na entrega', 'Não serviu', 'Produto errado', 'Arrependimento (7 dias)'],
    exchange: ['Defeito, não liga', 'Tamanho errado', 'Cor errada'],
    refund: ['Pedido cancelado', 'Cobrança em duplicidade', 'Produto devolvido', 'Pedido não entregue'],
  },
  request: {
    return: [
      'Devolução do {product} ({order}). Coleta agendada em até 3 dias úteis.',
      'Solicitação de devolução aberta. Orientei a embalar o {product} com a nota fiscal.',
    ],
    exchange: [
      'Troca do {product} por unidade nova; envio após a coleta do produto com defeito.',
      'Troca aprovada para o pedido {order}: mesmo produto, mesma cor.',
    ],
    refund: [
      'Estorno de {amount} referente ao pedido {order}. Prazo de até 2 faturas.',
      'Reembolso de {amount} via Pix solicitado. Protocolo {ref}.',
    ],
  },
  requestName: { return: 'a devolução', exchange: 'a troca', refund: 'o estorno' },
  escalation: {
    manager: [
      'Cliente pediu para falar com o supervisor. Encaminhei para {manager}: problema sem solução há {days} dias.',
      'Escalado para {manager}: cliente muito irritado com o pedido {order}, várias ligações sem solução.',
    ],
    director: [
      'Escalado para a diretoria: cliente ameaça abrir reclamação no Procon e no Reclame Aqui.',
      'Escalação à diretoria: cliente publicou nas redes sociais sobre o pedido {order}. Ação imediata.',
    ],
  },
  callback: [
    'Retorno agendado para atualizar o cliente sobre o pedido {order}.',
    'Combinei de ligar para {name} depois de falar com a logística.',
    'Cliente pediu retorno depois do almoço; está no trabalho.',
  ],
  survey: {
    good: [
      'Atendimento excelente, resolveram rapidinho. Obrigada!',
      'Atendente muito educado e paciente, nota 10.',
      'Gostei muito, resolveram tudo na primeira ligação.',
    ],
    mixed: [
      'Resolveram, mas esperei muito tempo na fila.',
      'Foi razoável, o estorno poderia ser mais rápido.',
    ],
    bad: [
      'Já liguei três vezes e ninguém resolve. Péssimo atendimento.',
      'Não resolveram meu problema e ninguém retornou.',
    ],
  },
  note: [
    'Cliente prefere contato por WhatsApp, evitar ligações depois das 20h.',
    'Prefere ser chamada de Dona {name}.',
    'Atenção: há estorno pendente, verificar antes de oferecer nova promoção.',
    'Cliente idoso, explicar com calma e confirmar o entendimento.',
  ],
  vipNote: [
    'Cliente VIP, atendimento prioritário. Encaminhar direto ao supervisor se houver problema.',
    'Cliente fiel desde {year}, muitos pedidos. Tratar com atenção especial.',
  ],
};
