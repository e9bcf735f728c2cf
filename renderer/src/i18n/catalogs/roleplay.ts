/**
 * Words for role-play (training calls with a trainer's rubric), in the three languages: en.ts,
 * fil.ts and pt-BR.ts take it under `roleplay`. `replay` is listening back to a recorded session
 * with the trainer's marks on it.
 */
export const roleplayEn = {
  replay: {
    heading: 'Recording',
    loading: 'Loading the recording…',
    failed: 'The recording could not be loaded: {{reason}}',
    none: 'This session has no recording.',
    player: 'Recording of the call',
    marks: "Trainer's marks",
    noMarks: 'No marks were given on this call.',
    playFrom: 'Play from {{time}}',
    mark: '{{time}} {{criterion}}: {{level}}',
    graded: '{{criterion}}: {{level}}',
  },
};

export type RolePlayCatalog = typeof roleplayEn;

export const roleplayFil: RolePlayCatalog = {
  replay: {
    heading: 'Recording',
    loading: 'Nilo-load ang recording…',
    failed: 'Hindi ma-load ang recording: {{reason}}',
    none: 'Walang recording ang session na ito.',
    player: 'Recording ng call',
    marks: 'Mga mark ng trainer',
    noMarks: 'Walang mark na ibinigay sa call na ito.',
    playFrom: 'I-play mula {{time}}',
    mark: '{{time}} {{criterion}}: {{level}}',
    graded: '{{criterion}}: {{level}}',
  },
};

export const roleplayPtBR: RolePlayCatalog = {
  replay: {
    heading: 'Gravação',
    loading: 'Carregando a gravação…',
    failed: 'Não foi possível carregar a gravação: {{reason}}',
    none: 'Esta sessão não tem gravação.',
    player: 'Gravação da ligação',
    marks: 'Marcações do instrutor',
    noMarks: 'Nenhuma marcação foi feita nesta ligação.',
    playFrom: 'Reproduzir a partir de {{time}}',
    mark: '{{time}} {{criterion}}: {{level}}',
    graded: '{{criterion}}: {{level}}',
  },
};
