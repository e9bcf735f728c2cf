import type { Catalog } from './en';

/**
 * Brazilian Portuguese as a São Paulo operation says it: "atendente", "ligação", "entrar/sair",
 * "você"; never European forms ("utilizador", "palavra-passe", "ecrã").
 */
export const ptBR: Catalog = {
  app: {
    loading: 'Carregando…',
  },
  language: {
    label: 'Idioma',
    saveFailed: 'Não foi possível salvar o idioma. Tente de novo.',
    names: {
      en: 'English',
      fil: 'Filipino',
      'pt-BR': 'Português (Brasil)',
    },
  },
  signIn: {
    title: 'Entrar',
    intro: 'Entre para começar seu turno.',
    username: 'Usuário',
    password: 'Senha',
    submit: 'Entrar',
    submitting: 'Entrando…',
    wrongCredentials: 'Usuário ou senha incorretos.',
    sessionEnded: 'Sua sessão expirou. Entre de novo.',
  },
  errors: {
    UNKNOWN_CALL: 'Algo deu errado. Tente de novo.',
    INVALID_INPUT: 'Alguns dados não estão certos. Confira e tente de novo.',
    UNAUTHENTICATED: 'Sua sessão expirou. Entre de novo.',
    FORBIDDEN: 'Você não tem acesso a isso.',
    NOT_FOUND: 'Não encontramos isso.',
    CONFLICT: 'Outra pessoa alterou isso agora há pouco. Recarregue e tente de novo.',
    RATE_LIMITED: 'Muitas tentativas. Aguarde um pouco e tente de novo.',
    UNAVAILABLE: 'Não foi possível conectar ao servidor do Kalma. Verifique sua conexão e tente de novo.',
    INTERNAL: 'Algo deu errado do nosso lado. Tente de novo.',
  },
  roles: {
    agent: 'Atendente',
    supervisor: 'Supervisor',
    trainer: 'Instrutor',
    admin: 'Administrador',
  },
  workspace: {
    settings: 'Configurações',
    noTeam: 'Sem equipe',
    signOut: 'Sair',
    signingOut: 'Saindo…',
  },
  pane: {
    failed: 'Algo deu errado neste painel. Sua ligação não foi afetada.',
    retry: 'Recarregar painel',
  },
  agent: {
    heading: 'Atendimento',
    phone: {
      title: 'Telefone',
      soon: 'O painel do telefone chega em breve: atender, colocar em espera e transferir ligações direto daqui.',
    },
    customer: {
      title: 'Cliente',
      soon: 'O painel do cliente chega em breve: o histórico de quem liga aparece aqui enquanto o telefone ainda está tocando.',
    },
  },
  supervisor: {
    heading: 'Sua equipe',
    soon: 'A visão da equipe em tempo real chega em breve: veja quem está em ligação e quem precisa de ajuda, e escute, sussurre ou entre na ligação daqui.',
  },
  trainer: {
    heading: 'Cenários de simulação',
    soon: 'Os cenários chegam em breve: monte ligações de treino e avalie os participantes ao vivo.',
  },
  admin: {
    heading: 'Usuários',
    columns: {
      username: 'Usuário',
      name: 'Nome',
      role: 'Perfil',
    },
    loading: 'Carregando usuários…',
    empty: 'Nenhum usuário ainda.',
    disabled: 'Desativado',
    retry: 'Tentar de novo',
  },
};
