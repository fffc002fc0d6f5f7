/**
 * The fictional world of the demo newsroom: sections, places and organisations. Every town,
 * person and organisation is invented; real regions ("the Aegean coast") are only used generically.
 */
export type StoryLocale = 'en' | 'tr' | 'ar';
export type SectionKey = 'politics' | 'economy' | 'culture' | 'environment' | 'region' | 'opinion';

/** A name per locale; a missing `fa` means there is no Persian name (the site falls back). */
export interface Labels {
  en: string;
  tr: string;
  ar: string;
  fa?: string;
}

export interface DemoSectionDef {
  key: SectionKey;
  labels: Required<Labels>;
  /** Base hue of the section's generated images. */
  hue: number;
}

export const SECTIONS: readonly DemoSectionDef[] = [
  { key: 'politics', hue: 350, labels: { en: 'Politics', tr: 'Siyaset', ar: 'سياسة', fa: 'سیاست' } },
  { key: 'economy', hue: 210, labels: { en: 'Economy', tr: 'Ekonomi', ar: 'اقتصاد', fa: 'اقتصاد' } },
  { key: 'culture', hue: 280, labels: { en: 'Culture', tr: 'Kültür', ar: 'ثقافة', fa: 'فرهنگ' } },
  { key: 'environment', hue: 130, labels: { en: 'Environment', tr: 'Çevre', ar: 'بيئة', fa: 'محیط زیست' } },
  { key: 'region', hue: 35, labels: { en: 'Region', tr: 'Bölge', ar: 'شؤون إقليمية', fa: 'منطقه' } },
  { key: 'opinion', hue: 190, labels: { en: 'Opinion', tr: 'Görüş', ar: 'رأي', fa: 'دیدگاه' } },
];

/** How a place reads inside running text: its name and its "in X" form, per story language. */
export interface PlaceText {
  name: string;
  in: string;
}

export interface DemoPlaceDef {
  key: string;
  labels: Labels;
  text: Record<StoryLocale, PlaceText>;
}

/** A town: the text uses the label itself; Turkish needs its hand-written locative. */
function town(key: string, labels: Labels, trLocative: string, enIn = `in ${labels.en}`): DemoPlaceDef {
  return {
    key,
    labels,
    text: {
      en: { name: labels.en, in: enIn },
      tr: { name: labels.tr, in: trLocative },
      ar: { name: labels.ar, in: `في ${labels.ar}` },
    },
  };
}

export const PLACES: readonly DemoPlaceDef[] = [
  town('ilginova', { en: 'Ilgınova', tr: 'Ilgınova', ar: 'إلغين أوفا', fa: 'ایلگین‌اووا' }, "Ilgınova'da"),
  town('gokceliman', { en: 'Gökçeliman', tr: 'Gökçeliman', ar: 'غوكتشه ليمان', fa: 'گوکچه‌لیمان' }, "Gökçeliman'da"),
  town('deniztasi', { en: 'Deniztaşı', tr: 'Deniztaşı', ar: 'دنيز طاشي', fa: 'دنیزتاشی' }, "Deniztaşı'nda"),
  town('ras-al-mursah', { en: 'Ras al-Mursah', tr: 'Ras el-Mursa', ar: 'رأس المرساة', fa: 'راس‌المرساة' }, "Ras el-Mursa'da"),
  town('tell-al-sawsan', { en: 'Tell al-Sawsan', tr: 'Tell es-Sevsen', ar: 'تل السوسن' }, "Tell es-Sevsen'de"),
  town(
    'nerantza',
    { en: 'Nerantza Island', tr: 'Neranca Adası', ar: 'جزيرة نيرانتزا', fa: 'جزیره نرانتزا' },
    "Neranca Adası'nda",
    'on Nerantza Island',
  ),
  {
    key: 'aegean-coast',
    labels: { en: 'Aegean coast', tr: 'Ege kıyısı', ar: 'ساحل بحر إيجه', fa: 'سواحل اژه' },
    text: {
      en: { name: 'the Aegean coast', in: 'on the Aegean coast' },
      tr: { name: 'Ege kıyısı', in: 'Ege kıyısında' },
      ar: { name: 'ساحل بحر إيجه', in: 'على ساحل بحر إيجه' },
    },
  },
  {
    key: 'eastern-mediterranean',
    labels: { en: 'Eastern Mediterranean', tr: 'Doğu Akdeniz', ar: 'شرق المتوسط', fa: 'شرق مدیترانه' },
    text: {
      en: { name: 'the Eastern Mediterranean', in: 'in the Eastern Mediterranean' },
      tr: { name: 'Doğu Akdeniz', in: "Doğu Akdeniz'de" },
      ar: { name: 'شرق المتوسط', in: 'في شرق المتوسط' },
    },
  },
];

export interface DemoOrgDef {
  key: string;
  labels: Labels;
  /** The English running-text form, with its article ("the Regional Water Authority"). */
  enText: string;
  sections: readonly SectionKey[];
}

export const ORGANIZATIONS: readonly DemoOrgDef[] = [
  {
    key: 'fishers-cooperative',
    labels: {
      en: "Aegean Coast Fishers' Cooperative",
      tr: 'Ege Kıyısı Balıkçılar Kooperatifi',
      ar: 'تعاونية صيادي ساحل إيجه',
      fa: 'تعاونی ماهیگیران ساحل اژه',
    },
    enText: "the Aegean Coast Fishers' Cooperative",
    sections: ['economy', 'environment', 'region'],
  },
  {
    key: 'water-authority',
    labels: { en: 'Regional Water Authority', tr: 'Bölge Su İdaresi', ar: 'الهيئة الإقليمية للمياه', fa: 'سازمان آب منطقه‌ای' },
    enText: 'the Regional Water Authority',
    sections: ['environment', 'politics'],
  },
  {
    key: 'harbour-board',
    labels: { en: 'Harbour Development Board', tr: 'Liman Geliştirme Kurulu', ar: 'مجلس تطوير الموانئ', fa: 'شورای توسعه بنادر' },
    enText: 'the Harbour Development Board',
    sections: ['economy', 'region'],
  },
  {
    key: 'heritage-foundation',
    labels: { en: 'Coastal Heritage Foundation', tr: 'Kıyı Mirası Vakfı', ar: 'مؤسسة التراث الساحلي' },
    enText: 'the Coastal Heritage Foundation',
    sections: ['culture'],
  },
  {
    key: 'gokceliman-council',
    labels: {
      en: 'Gökçeliman Municipal Council',
      tr: 'Gökçeliman Belediye Meclisi',
      ar: 'مجلس بلدية غوكتشه ليمان',
      fa: 'شورای شهر گوکچه‌لیمان',
    },
    enText: 'the Gökçeliman Municipal Council',
    sections: ['politics', 'region', 'culture'],
  },
  {
    key: 'olive-union',
    labels: { en: "Olive Growers' Union", tr: 'Zeytin Üreticileri Birliği', ar: 'اتحاد مزارعي الزيتون', fa: 'اتحادیه زیتون‌کاران' },
    enText: "the Olive Growers' Union",
    sections: ['economy'],
  },
];
