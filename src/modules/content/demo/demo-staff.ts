/** The demo newsroom's (fictional) staff, translators, partners and photo credits. */
import type { SectionKey, StoryLocale } from './demo-world.js';

export interface DemoAuthorDef {
  name: string;
  writes: readonly StoryLocale[];
  sections: readonly SectionKey[];
  bios: { en: string; tr: string; ar: string; fa?: string };
}

export const AUTHORS: readonly DemoAuthorDef[] = [
  {
    name: 'Hannah Whitfield',
    writes: ['en'],
    sections: ['environment', 'region'],
    bios: {
      en: "Hannah Whitfield is the newsroom's environment correspondent, based on the Aegean coast. She has covered water policy and coastal change for more than a decade.",
      tr: 'Hannah Whitfield, haber merkezimizin Ege kıyısında yaşayan çevre muhabiri. On yılı aşkın süredir su politikaları ve kıyılardaki değişim üzerine haber yapıyor.',
      ar: 'هانا ويتفيلد مراسلة الشؤون البيئية في غرفة الأخبار، وتقيم على ساحل بحر إيجه. تغطي منذ أكثر من عقد سياسات المياه والتغيرات الساحلية.',
    },
  },
  {
    name: 'Kerem Aksoy',
    writes: ['tr'],
    sections: ['economy', 'region'],
    bios: {
      en: 'Kerem Aksoy reports on the regional economy, from ports and shipping to the family businesses that depend on them.',
      tr: 'Kerem Aksoy, limanlardan denizciliğe ve bunlara bağlı aile işletmelerine kadar bölge ekonomisini izliyor.',
      ar: 'يغطي كرم أكسوي الاقتصاد الإقليمي، من الموانئ والشحن البحري إلى الشركات العائلية التي تعتمد عليها.',
    },
  },
  {
    name: 'Rania Khoury',
    writes: ['ar'],
    sections: ['culture', 'region'],
    bios: {
      en: 'Rania Khoury writes about culture and heritage in the coastal towns. Before joining the newsroom she worked as a radio producer.',
      tr: 'Rania Khoury, kıyı kasabalarındaki kültür ve miras üzerine yazıyor. Haber merkezimize katılmadan önce radyo yapımcısı olarak çalıştı.',
      ar: 'تكتب رانيا خوري عن الثقافة والتراث في المدن الساحلية. عملت قبل انضمامها إلى غرفة الأخبار منتجةً إذاعية.',
      fa: 'رانیا خوری درباره فرهنگ و میراث شهرهای ساحلی می‌نویسد. او پیش از پیوستن به تحریریه، تهیه‌کننده رادیو بود.',
    },
  },
  {
    name: 'Dariush Karimi',
    writes: ['en', 'ar'],
    sections: ['region', 'politics'],
    bios: {
      en: 'Dariush Karimi is the regional affairs editor. He follows local government, elections and cross-border cooperation.',
      tr: 'Dariush Karimi bölge haberleri editörü. Yerel yönetimleri, seçimleri ve sınır ötesi iş birliğini takip ediyor.',
      ar: 'داريوش كريمي محرر الشؤون الإقليمية، ويتابع الحكم المحلي والانتخابات والتعاون العابر للحدود.',
      fa: 'داریوش کریمی دبیر بخش امور منطقه‌ای است و حکمرانی محلی، انتخابات و همکاری‌های فرامرزی را دنبال می‌کند.',
    },
  },
  {
    name: 'Sofia Marinou',
    writes: ['en'],
    sections: ['culture', 'environment'],
    bios: {
      en: 'Sofia Marinou covers the islands, their festivals and the people who keep them running through the winter.',
      tr: 'Sofia Marinou adaları, festivallerini ve kış boyunca adalardaki hayatı ayakta tutan insanları yazıyor.',
      ar: 'تغطي صوفيا مارينو شؤون الجزر ومهرجاناتها والأشخاص الذين يحافظون على نبض الحياة فيها طوال الشتاء.',
    },
  },
  {
    name: 'Leyla Demirtaş',
    writes: ['tr'],
    sections: ['politics', 'region'],
    bios: {
      en: 'Leyla Demirtaş is a political reporter who has followed municipal politics along the coast since 2012.',
      tr: "Leyla Demirtaş, 2012'den bu yana kıyı boyunca yerel siyaseti izleyen bir siyaset muhabiri.",
      ar: 'ليلى دميرطاش مراسلة سياسية تتابع السياسة البلدية على امتداد الساحل منذ عام 2012.',
    },
  },
  {
    name: 'Omar Haddad',
    writes: ['ar'],
    sections: ['economy', 'environment'],
    bios: {
      en: 'Omar Haddad writes about trade, ports and energy. He studied economics and worked as a data analyst before turning to journalism.',
      tr: 'Omar Haddad ticaret, limanlar ve enerji üzerine yazıyor. Gazeteciliğe geçmeden önce ekonomi okudu ve veri analisti olarak çalıştı.',
      ar: 'يكتب عمر حداد عن التجارة والموانئ والطاقة. درس الاقتصاد وعمل محللاً للبيانات قبل أن يتجه إلى الصحافة.',
    },
  },
  {
    name: 'Amara Okafor',
    writes: ['en'],
    sections: ['opinion', 'politics'],
    bios: {
      en: 'Amara Okafor edits the opinion pages and writes a fortnightly column on local democracy and the media.',
      tr: 'Amara Okafor görüş sayfalarının editörü; yerel demokrasi ve medya üzerine iki haftada bir köşe yazısı yazıyor.',
      ar: 'تحرر أمارا أوكافور صفحات الرأي، وتكتب كل أسبوعين عموداً عن الديمقراطية المحلية والإعلام.',
      fa: 'آمارا اوکافور دبیر صفحه‌های دیدگاه است و هر دو هفته یک‌بار درباره دموکراسی محلی و رسانه ستون می‌نویسد.',
    },
  },
];

/** Newsroom translators, by target language. */
export const TRANSLATORS: Readonly<Record<StoryLocale, readonly string[]>> = {
  en: ['Claire Donovan', 'Samir Aziz'],
  tr: ['Ece Tunalı', 'Burak Şener'],
  ar: ['Nour Khalil', 'Hadi Sabbagh'],
};

/** Partner outlets that supply Arabic translations. */
export const PARTNER_OUTLETS: readonly string[] = ['Qantara Review', 'Mirsat News Network'];

export const PHOTO_AGENCIES: readonly string[] = ['Anka Wire', 'Levant Photo Service', 'Meltem Images'];
export const PHOTOGRAPHERS: readonly string[] = [
  'Deniz Kaplan',
  'Yara Saleh',
  'Nikos Alexiou',
  'Marta Kowalczyk',
  'Hüseyin Ateş',
  'Farah Nasser',
];
