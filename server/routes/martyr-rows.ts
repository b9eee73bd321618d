import type { Martyr, MartyrSummary } from '../../src/contract/index.js';

export interface MartyrRow {
  id: string;
  name: string;
  sex: 'male' | 'female' | null;
  ethnicity: string | null;
  native_place_text: string | null;
  native_place_code: string | null;
  birth_date: string | null;
  enlistment_date: string | null;
  unit: string | null;
  post: string | null;
  death_date: string | null;
  death_place: string | null;
  period: string | null;
  burial_cemetery: string | null;
  burial_section: string | null;
  burial_row: string | null;
  burial_number: string | null;
  photo_url: string | null;
  biography: string | null;
  approval_authority: string | null;
  approval_date: string | null;
  seeking_relatives: boolean;
  sample: boolean;
  aliases?: string[] | null;
  updated_at: Date | string;
}

export const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

const nativePlace = (r: MartyrRow) => (r.native_place_text ? { text: r.native_place_text, code: r.native_place_code } : null);

export function toMartyr(r: MartyrRow): Martyr {
  const burial = r.burial_cemetery || r.burial_section || r.burial_row || r.burial_number
    ? { cemetery: r.burial_cemetery, section: r.burial_section, row: r.burial_row, number: r.burial_number }
    : null;
  const approval = r.approval_authority || r.approval_date ? { authority: r.approval_authority, date: r.approval_date } : null;
  return {
    id: r.id,
    name: r.name,
    sex: r.sex,
    ethnicity: r.ethnicity,
    nativePlace: nativePlace(r),
    birthDate: r.birth_date,
    enlistmentDate: r.enlistment_date,
    unit: r.unit,
    post: r.post,
    deathDate: r.death_date,
    deathPlace: r.death_place,
    period: r.period,
    burial,
    photoUrl: r.photo_url,
    biography: r.biography,
    approval,
    seekingRelatives: r.seeking_relatives,
    sample: r.sample,
    aliases: r.aliases ?? [],
    updatedAt: iso(r.updated_at),
  };
}

export function toSummary(r: MartyrRow): MartyrSummary {
  return {
    id: r.id,
    name: r.name,
    sex: r.sex,
    nativePlace: nativePlace(r),
    birthDate: r.birth_date,
    deathDate: r.death_date,
    period: r.period,
    unit: r.unit,
    cemetery: r.burial_cemetery,
    seekingRelatives: r.seeking_relatives,
    sample: r.sample,
  };
}
