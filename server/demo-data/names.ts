import type { Prng } from './prng';
import type { DemoCountry } from './places';

/**
 * Names as they appear on Manila, São Paulo and US accounts, diacritics and particles included:
 * the search must find João from `joao`, Nuñez from `nunez` and Dela Cruz from `dela cruz`.
 */

const PH_GIVEN_FEMALE = [
  'Maria', 'Ma. Cristina', 'Ma. Theresa', 'Rowena', 'Maricel', 'Jocelyn', 'Lourdes', 'Rosalinda', 'Erlinda',
  'Teresita', 'Angelica', 'Kristine', 'Jessa', 'Joy', 'Nenita', 'Carmelita', 'Ligaya', 'Dalisay', 'Princess',
  'Mary Grace', 'Maria Luisa', 'Analyn', 'Rhea', 'Precious', 'Jennylyn', 'Marites', 'Cherry Mae', 'Shiela',
  'Liezel', 'Girlie', 'Marivic', 'Remedios', 'Concepcion', 'Corazon', 'Anna Liza', 'Kathleen', 'Trisha',
  'Nicole', 'Katrina', 'Danica', 'Maybelle', 'Luzviminda', 'Rosario', 'Josefina', 'Rosemarie', 'Imelda',
] as const;
const PH_GIVEN_MALE = [
  'Juan', 'Jose', 'Jerome', 'Mark Anthony', 'Jhun', 'Arnel', 'Rodel', 'Nestor', 'Ramon', 'Dante', 'Efren',
  'Bayani', 'Niño', 'Rogelio', 'Reynaldo', 'Ronaldo', 'Eduardo', 'Ferdinand', 'Romeo', 'Renato', 'Jayson',
  'John Paul', 'Christian', 'Kevin', 'Paolo', 'Miguel', 'Carlo', 'Joel', 'Noel', 'Jun-Jun', 'Bong', 'Andres',
  'Emilio', 'Crisanto', 'Teodoro', 'Marlon', 'Raffy', 'Gilbert', 'Aldrin', 'Ely', 'Santiago', 'Ariel',
] as const;
const PH_SURNAMES = [
  'Dela Cruz', 'Santos', 'Reyes', 'Garcia', 'Mendoza', 'Bautista', 'Magbanua', 'Villanueva', 'Ramos', 'Aquino',
  'Castillo', 'Navarro', 'Nuñez', 'Macaraeg', 'Dimaculangan', 'Pangilinan', 'Lacson', 'Manalo', 'Sarmiento',
  'De Guzman', 'Del Rosario', 'Tolentino', 'Agbayani', 'Batungbakal', 'Malabanan', 'Ocampo', 'Cabrera', 'Dizon',
  'Peñaflor', 'Añonuevo', 'Buenaventura', 'Dela Peña', 'Mañalac', 'Saldaña', 'Soriano', 'Gonzales', 'Fernandez',
  'Torres', 'Flores', 'Villareal', 'Panganiban', 'Macapagal', 'Lim', 'Tan', 'Sy', 'Go', 'Chua', 'Yap', 'Dumalagan',
  'Evangelista', 'Marquez', 'Salazar', 'Cruz', 'Perez', 'Aguilar', 'Espiritu', 'Lualhati', 'Baltazar', 'Mercado',
  'Sison', 'Tagle', 'Umali', 'Zamora', 'Ybañez', 'Cañete', 'Quiñones', 'Gatchalian', 'Macalintal', 'Mabini',
] as const;

const BR_GIVEN_FEMALE = [
  'Maria', 'Ana', 'Conceição', 'Lúcia', 'Márcia', 'Adriana', 'Thaís', 'Letícia', 'Vitória', 'Júlia', 'Érica',
  'Cecília', 'Inês', 'Raíssa', 'Luíza', 'Camila', 'Beatriz', 'Fernanda', 'Patrícia', 'Cláudia', 'Sônia',
  'Mônica', 'Simone', 'Juliana', 'Aline', 'Bruna', 'Tatiane', 'Francisca', 'Antônia', 'Luciana', 'Débora',
  'Gabriela', 'Larissa', 'Natália', 'Valéria', 'Vânia', 'Rosângela', 'Graça', 'Socorro', 'Aparecida', 'Iara',
] as const;
const BR_GIVEN_MALE = [
  'João', 'José', 'Antônio', 'Francisco', 'Luís', 'Sebastião', 'Fábio', 'Caio', 'Mateus', 'Ítalo', 'Gabriel',
  'Rafael', 'Bruno', 'Sérgio', 'Rogério', 'Vinícius', 'André', 'Tiago', 'Marcos', 'Paulo', 'Carlos', 'Raimundo',
  'Pedro', 'Lucas', 'Gustavo', 'Leandro', 'Márcio', 'Cláudio', 'Otávio', 'Flávio', 'Júlio', 'Benedito', 'Renê',
  'Heitor', 'Joaquim', 'Wellington', 'Washington', 'Édson', 'Ronaldo', 'Thiago', 'Luiz Henrique', 'João Pedro',
] as const;
const BR_SURNAMES = [
  'Silva', 'Santos', 'Oliveira', 'Souza', 'Gonçalves', 'Araújo', 'Pereira', 'Lima', 'Carvalho', 'Ferreira',
  'Rodrigues', 'Almeida', 'Nascimento', 'Conceição', 'Ribeiro', 'Barbosa', 'Assunção', 'Magalhães',
  'Guimarães', 'Simões', 'Gusmão', 'Brandão', 'Falcão', 'Câmara', 'Bezerra', 'Cavalcanti', 'Damasceno',
  'Costa', 'Martins', 'Rocha', 'Moreira', 'Mendes', 'Freitas', 'Cardoso', 'Teixeira', 'Correia', 'Nunes',
  'Sá', 'Gomes', 'Monteiro', 'Peixoto', 'Macêdo', 'Aragão', 'Romão', 'Estêvão', 'Lopes', 'Queiroz', 'Vieira',
] as const;
// Particles joining Brazilian surnames: Maria da Conceição, José dos Santos.
const BR_PARTICLES = ['da', 'de', 'dos', 'das', 'do'] as const;

const US_GIVEN_FEMALE = [
  'Mary', 'Jennifer', 'Linda', 'Patricia', 'Elizabeth', 'Susan', 'Jessica', 'Sarah', 'Karen', 'Emily', 'Ashley',
  'Michelle', 'Amanda', 'Stephanie', 'Rebecca', 'Laura', 'Megan', 'Brittany', 'Chloé', 'Zoë', 'María', 'Sofía',
  'Guadalupe', 'Mei', 'Aaliyah', 'Keisha', 'Priya', 'Hannah', 'Madison', 'Olivia',
] as const;
const US_GIVEN_MALE = [
  'James', 'Michael', 'Robert', 'David', 'William', 'Richard', 'Joseph', 'Thomas', 'Christopher', 'Daniel',
  'Matthew', 'Anthony', 'Andrew', 'Joshua', 'Brian', 'Kevin', 'Tyler', 'Carlos', 'José', 'Jesús', 'Luis',
  'DeShawn', 'Raj', 'Minh', 'Ethan', 'Noah', 'Liam', 'Jamal', 'René', 'Patrick',
] as const;
const US_SURNAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernández', 'Nuñez', 'Lopez', "O'Brien", "O'Connor", 'Nguyen', 'Kim', 'Patel', 'Washington', 'Thompson',
  'Anderson', 'Taylor', 'Moore', 'Jackson', 'White', 'Harris', 'Clark', 'Lewis', 'Young', 'Walker', 'Allen',
  'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Ramírez', 'Peña', 'Castañeda', 'Muñoz',
  'Smith-Jones', 'McAllister', 'Van Buren', 'Schröder', 'Kowalski', 'Dela Cruz', 'Reyes', 'Santos',
] as const;

export interface PersonName {
  /** As the account has it: `Ma. Theresa R. Dela Cruz`, `Maria da Conceição Araújo`. */
  full: string;
  given: string;
  /** The last surname, what emails and greetings use. */
  family: string;
}

export function demoName(rng: Prng, country: DemoCountry): PersonName {
  const female = rng.chance(0.52);
  switch (country) {
    case 'PH': {
      const given = rng.pick(female ? PH_GIVEN_FEMALE : PH_GIVEN_MALE);
      const family = rng.pick(PH_SURNAMES);
      // Filipinos write the mother's maiden surname as a middle initial: Juan P. Dela Cruz.
      const middle = rng.chance(0.45) ? ` ${rng.pick(PH_SURNAMES).charAt(0)}.` : '';
      const suffix = !female && rng.chance(0.04) ? rng.pick([' Jr.', ' III', ' Sr.']) : '';
      return { full: `${given}${middle} ${family}${suffix}`, given, family };
    }
    case 'BR': {
      const given = rng.pick(female ? BR_GIVEN_FEMALE : BR_GIVEN_MALE);
      const family = rng.pick(BR_SURNAMES);
      const parts: string[] = [given];
      if (rng.chance(0.55)) {
        const mother = rng.pick(BR_SURNAMES);
        parts.push(rng.chance(0.35) ? `${rng.pick(BR_PARTICLES)} ${mother}` : mother);
      }
      parts.push(rng.chance(0.15) ? `${rng.pick(BR_PARTICLES)} ${family}` : family);
      return { full: parts.join(' '), given, family };
    }
    case 'US': {
      const given = rng.pick(female ? US_GIVEN_FEMALE : US_GIVEN_MALE);
      const family = rng.pick(US_SURNAMES);
      const middle = rng.chance(0.2) ? ` ${String.fromCharCode(65 + rng.int(0, 25))}.` : '';
      return { full: `${given}${middle} ${family}`, given, family };
    }
  }
}

/** Agents who wrote the history, by floor: Manila serves the Philippines and the US, São Paulo Brazil. */
export const MANILA_AGENTS = [
  'Ma. Theresa Lim', 'Jerome Bautista', 'Kristine Joy Ramos', 'Paolo Dimaculangan', 'Angelica Soriano',
  'Mark Anthony Cruz', 'Rhea Villanueva', 'Jayson Tolentino', 'Princess Manalo', 'Carlo Magbanua',
] as const;
export const SAO_PAULO_AGENTS = [
  'Bruno Carvalho', 'Fernanda Araújo', 'Thiago Gonçalves', 'Camila Brandão', 'Letícia Simões',
  'Rafael Nascimento', 'Juliana Magalhães', 'Vinícius Peixoto',
] as const;
export const MANILA_MANAGERS = ['Rosario Evangelista', 'Gilbert Panganiban'] as const;
export const SAO_PAULO_MANAGERS = ['Cláudia Guimarães', 'Sérgio Aragão'] as const;
