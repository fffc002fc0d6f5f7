/** Themes and (fictional) people the demo stories are about. */
import type { Labels, SectionKey, StoryLocale } from './demo-world.js';

export interface DemoThemeDef {
  key: string;
  labels: Labels;
  /** How the theme reads inside running text, per story language. */
  text: Record<StoryLocale, string>;
  sections: readonly SectionKey[];
}

export const THEMES: readonly DemoThemeDef[] = [
  {
    key: 'water-scarcity',
    labels: { en: 'Water scarcity', tr: 'Su kıtlığı', ar: 'شح المياه', fa: 'کم‌آبی' },
    text: { en: 'water scarcity', tr: 'su kıtlığı', ar: 'شح المياه' },
    sections: ['environment', 'politics'],
  },
  {
    key: 'coastal-erosion',
    labels: { en: 'Coastal erosion', tr: 'Kıyı erozyonu', ar: 'تآكل السواحل', fa: 'فرسایش ساحلی' },
    text: { en: 'coastal erosion', tr: 'kıyı erozyonu', ar: 'تآكل السواحل' },
    sections: ['environment'],
  },
  {
    key: 'wildfires',
    labels: { en: 'Wildfires', tr: 'Orman yangınları', ar: 'حرائق الغابات', fa: 'آتش‌سوزی جنگل‌ها' },
    text: { en: 'wildfires', tr: 'orman yangınları', ar: 'حرائق الغابات' },
    sections: ['environment'],
  },
  {
    key: 'olive-harvest',
    labels: { en: 'Olive harvest', tr: 'Zeytin hasadı', ar: 'موسم قطف الزيتون', fa: 'برداشت زیتون' },
    text: { en: 'the olive harvest', tr: 'zeytin hasadı', ar: 'موسم قطف الزيتون' },
    sections: ['economy'],
  },
  {
    key: 'port-expansion',
    labels: { en: 'Port expansion', tr: 'Liman genişletme projesi', ar: 'توسعة الميناء', fa: 'توسعه بندر' },
    text: { en: 'the port expansion', tr: 'liman genişletme projesi', ar: 'مشروع توسعة الميناء' },
    sections: ['economy', 'region'],
  },
  {
    key: 'tourist-season',
    labels: { en: 'Tourist season', tr: 'Turizm sezonu', ar: 'الموسم السياحي', fa: 'فصل گردشگری' },
    text: { en: 'the tourist season', tr: 'turizm sezonu', ar: 'الموسم السياحي' },
    sections: ['economy', 'region'],
  },
  {
    key: 'municipal-budget',
    labels: { en: 'Municipal budget', tr: 'Belediye bütçesi', ar: 'الميزانية البلدية', fa: 'بودجه شهرداری' },
    text: { en: 'the municipal budget', tr: 'belediye bütçesi', ar: 'الميزانية البلدية' },
    sections: ['politics'],
  },
  {
    key: 'local-elections',
    labels: { en: 'Local elections', tr: 'Yerel seçimler', ar: 'الانتخابات المحلية', fa: 'انتخابات محلی' },
    text: { en: 'the local elections', tr: 'yerel seçimler', ar: 'الانتخابات المحلية' },
    sections: ['politics'],
  },
  {
    key: 'affordable-housing',
    labels: { en: 'Affordable housing', tr: 'Uygun fiyatlı konut', ar: 'الإسكان الميسّر', fa: 'مسکن ارزان‌قیمت' },
    text: { en: 'affordable housing', tr: 'uygun fiyatlı konut', ar: 'الإسكان الميسّر' },
    sections: ['politics', 'economy'],
  },
  {
    key: 'harbour-film-festival',
    labels: { en: 'Harbour Film Festival', tr: 'Liman Film Festivali', ar: 'مهرجان الميناء السينمائي' },
    text: { en: 'the Harbour Film Festival', tr: 'Liman Film Festivali', ar: 'مهرجان الميناء السينمائي' },
    sections: ['culture'],
  },
  {
    key: 'excavations',
    labels: { en: 'Archaeological excavations', tr: 'Arkeolojik kazılar', ar: 'التنقيبات الأثرية', fa: 'کاوش‌های باستان‌شناسی' },
    text: { en: 'the archaeological excavations', tr: 'arkeolojik kazılar', ar: 'التنقيبات الأثرية' },
    sections: ['culture'],
  },
  {
    key: 'ferry-services',
    labels: { en: 'Ferry services', tr: 'Feribot seferleri', ar: 'خطوط العبّارات', fa: 'خطوط کشتی مسافری' },
    text: { en: 'ferry services', tr: 'feribot seferleri', ar: 'خطوط العبّارات' },
    sections: ['region'],
  },
  {
    key: 'coastal-rail-link',
    labels: { en: 'Coastal rail link', tr: 'Kıyı demiryolu hattı', ar: 'خط السكك الحديدية الساحلي' },
    text: { en: 'the coastal rail link', tr: 'kıyı demiryolu hattı', ar: 'خط السكك الحديدية الساحلي' },
    sections: ['region'],
  },
];

export interface DemoPersonDef {
  key: string;
  labels: Labels;
  /** Arabic verbs agree with it. */
  gender: 'f' | 'm';
  /**
   * en: an appositive ("a hydrologist at …"); tr: a title written before the name
   * ("Kazı ekibinin başındaki arkeolog"); ar: an appositive with the article.
   */
  role: Record<StoryLocale, string>;
  sections: readonly SectionKey[];
}

export const PEOPLE: readonly DemoPersonDef[] = [
  {
    key: 'selin-aydemir',
    labels: { en: 'Selin Aydemir', tr: 'Selin Aydemir', ar: 'سلين آيدمير', fa: 'سلین آیدمیر' },
    gender: 'f',
    role: {
      en: 'a hydrologist at the Regional Water Authority',
      tr: "Bölge Su İdaresi'nde görev yapan hidrolog",
      ar: 'خبيرة المياه في الهيئة الإقليمية للمياه',
    },
    sections: ['environment', 'politics'],
  },
  {
    key: 'tarek-nassar',
    labels: { en: 'Tarek Nassar', tr: 'Tarek Nassar', ar: 'طارق نصار', fa: 'طارق نصار' },
    gender: 'm',
    role: { en: "who chairs the fishers' cooperative", tr: 'Balıkçılar Kooperatifi Başkanı', ar: 'رئيس تعاونية الصيادين' },
    sections: ['economy', 'environment', 'region'],
  },
  {
    key: 'eleni-papadaki',
    labels: { en: 'Eleni Papadaki', tr: 'Eleni Papadaki', ar: 'إيليني باباداكي' },
    gender: 'f',
    role: {
      en: 'an archaeologist who leads the excavation team',
      tr: 'Kazı ekibinin başındaki arkeolog',
      ar: 'عالمة الآثار التي تقود فريق التنقيب',
    },
    sections: ['culture'],
  },
  {
    key: 'mehmet-ali-korkmaz',
    labels: { en: 'Mehmet Ali Korkmaz', tr: 'Mehmet Ali Korkmaz', ar: 'محمد علي كوركماز', fa: 'محمدعلی کورکماز' },
    gender: 'm',
    role: { en: 'the mayor of Gökçeliman', tr: 'Gökçeliman Belediye Başkanı', ar: 'رئيس بلدية غوكتشه ليمان' },
    sections: ['politics', 'region'],
  },
  {
    key: 'layla-mansour',
    labels: { en: 'Layla Mansour', tr: 'Leyla Mansur', ar: 'ليلى منصور', fa: 'لیلا منصور' },
    gender: 'f',
    role: {
      en: 'an economist at the coastal chamber of commerce',
      tr: 'Kıyı Ticaret Odası ekonomisti',
      ar: 'الخبيرة الاقتصادية في غرفة التجارة الساحلية',
    },
    sections: ['economy', 'politics'],
  },
  {
    key: 'arash-tehrani',
    labels: { en: 'Arash Tehrani', tr: 'Araş Tahrani', ar: 'آرش طهراني', fa: 'آرش تهرانی' },
    gender: 'm',
    role: { en: 'the director of the Harbour Film Festival', tr: 'Liman Film Festivali Direktörü', ar: 'مدير مهرجان الميناء السينمائي' },
    sections: ['culture'],
  },
  {
    key: 'jonas-lindqvist',
    labels: { en: 'Jonas Lindqvist', tr: 'Jonas Lindqvist', ar: 'يوناس ليندكفيست' },
    gender: 'm',
    role: {
      en: "a marine biologist at Nerantza Island's research station",
      tr: 'Neranca Adası araştırma istasyonunda çalışan deniz biyoloğu',
      ar: 'عالم الأحياء البحرية في محطة أبحاث جزيرة نيرانتزا',
    },
    sections: ['environment', 'region'],
  },
];
