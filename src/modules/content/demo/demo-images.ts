/** The pool of generated lead images and author avatars, with their texts and credits. */
import { PHOTO_AGENCIES, PHOTOGRAPHERS } from './demo-staff.js';
import { PLACES, SECTIONS, type SectionKey } from './demo-world.js';

export const LEAD_IMAGE_SIZE = { width: 1200, height: 675 } as const;
export const AVATAR_SIZE = { width: 256, height: 256 } as const;

export interface DemoImageDef {
  /** What the image maker draws. */
  spec: { key: string; width: number; height: number; hue: number; label: string; variant: number };
  section: SectionKey | null;
  creditAgency: string | null;
  creditPhotographer: string | null;
  texts: { locale: string; alt: string; caption: string | null }[];
}

interface Subject {
  section: SectionKey;
  alt: { en: string; tr: string; ar: string; fa?: string };
}

const SUBJECTS: readonly Subject[] = [
  {
    section: 'politics',
    alt: {
      en: 'Council members take their seats before an evening session',
      tr: 'Akşam oturumu öncesinde yerlerini alan meclis üyeleri',
      ar: 'أعضاء المجلس يأخذون مقاعدهم قبل جلسة مسائية',
      fa: 'اعضای شورا پیش از جلسه عصر در جای خود می‌نشینند',
    },
  },
  {
    section: 'politics',
    alt: {
      en: 'Ballot boxes stacked in a school gymnasium',
      tr: 'Bir okul spor salonunda üst üste dizilmiş oy sandıkları',
      ar: 'صناديق اقتراع مكدسة في الصالة الرياضية لإحدى المدارس',
    },
  },
  {
    section: 'economy',
    alt: {
      en: 'Container cranes at the harbour at dawn',
      tr: 'Şafak vakti limandaki konteyner vinçleri',
      ar: 'رافعات الحاويات في الميناء عند الفجر',
      fa: 'جرثقیل‌های کانتینر در بندر هنگام سپیده‌دم',
    },
  },
  {
    section: 'economy',
    alt: {
      en: 'Workers sorting olives at a cooperative press',
      tr: 'Bir kooperatif sıkımevinde zeytinleri ayıklayan işçiler',
      ar: 'عمال يفرزون الزيتون في معصرة تعاونية',
    },
  },
  {
    section: 'culture',
    alt: {
      en: 'An open-air screening on the old quay',
      tr: 'Eski rıhtımda açık hava gösterimi',
      ar: 'عرض سينمائي في الهواء الطلق على الرصيف القديم',
      fa: 'نمایش فیلم در فضای باز روی اسکله قدیمی',
    },
  },
  {
    section: 'culture',
    alt: {
      en: 'Archaeologists brushing soil from a mosaic floor',
      tr: 'Bir mozaik zemindeki toprağı fırçayla temizleyen arkeologlar',
      ar: 'علماء آثار يزيلون التراب عن أرضية من الفسيفساء',
    },
  },
  {
    section: 'environment',
    alt: {
      en: 'A reservoir at its lowest level in years',
      tr: 'Son yılların en düşük seviyesindeki baraj gölü',
      ar: 'خزان مياه عند أدنى مستوى له منذ سنوات',
      fa: 'مخزن آب در پایین‌ترین سطح چند سال اخیر',
    },
  },
  {
    section: 'environment',
    alt: {
      en: 'Waves breaking against an eroded stretch of shoreline',
      tr: 'Aşınmış bir kıyı şeridine çarpan dalgalar',
      ar: 'أمواج تتكسر على جزء متآكل من الشاطئ',
    },
  },
  {
    section: 'region',
    alt: {
      en: 'A ferry leaving the harbour in the late afternoon',
      tr: 'İkindi vakti limandan ayrılan bir feribot',
      ar: 'عبّارة تغادر الميناء في آخر النهار',
      fa: 'کشتی مسافری هنگام عصر بندر را ترک می‌کند',
    },
  },
  {
    section: 'region',
    alt: {
      en: 'A regional train crossing a viaduct above the valley',
      tr: 'Vadinin üzerindeki viyadükten geçen bölgesel tren',
      ar: 'قطار إقليمي يعبر جسراً فوق الوادي',
    },
  },
  {
    section: 'opinion',
    alt: {
      en: 'A street in the old town at dusk',
      tr: 'Alacakaranlıkta eski şehirde bir sokak',
      ar: 'شارع في البلدة القديمة عند الغسق',
      fa: 'خیابانی در بافت قدیمی شهر هنگام غروب',
    },
  },
  {
    section: 'opinion',
    alt: {
      en: 'Residents listening during a public meeting',
      tr: 'Halka açık bir toplantıyı dinleyen bölge sakinleri',
      ar: 'سكان يستمعون خلال اجتماع عام',
    },
  },
];

/** 24 lead images: every subject photographed in two places, captions naming the place. */
export function leadImageDefs(): DemoImageDef[] {
  const out: DemoImageDef[] = [];
  SUBJECTS.forEach((subject, s) => {
    const hue = SECTIONS.find((x) => x.key === subject.section)?.hue ?? 0;
    for (let v = 0; v < 2; v++) {
      const i = s * 2 + v;
      const place = PLACES[(s * 3 + v * 5) % PLACES.length] ?? PLACES[0];
      if (!place) throw new Error('no demo places');
      const texts: DemoImageDef['texts'] = (['en', 'tr', 'ar'] as const).map((locale) => ({
        locale,
        alt: subject.alt[locale],
        caption: `${subject.alt[locale]}${locale === 'ar' ? '،' : ','} ${place.labels[locale]}.`,
      }));
      if (subject.alt.fa && place.labels.fa) {
        texts.push({ locale: 'fa', alt: subject.alt.fa, caption: `${subject.alt.fa}، ${place.labels.fa}.` });
      }
      out.push({
        spec: { key: `lead-${i}`, ...LEAD_IMAGE_SIZE, hue: (hue + v * 18) % 360, label: subject.alt.en, variant: i },
        section: subject.section,
        creditAgency: i % 4 === 3 ? null : (PHOTO_AGENCIES[i % PHOTO_AGENCIES.length] ?? null),
        creditPhotographer: PHOTOGRAPHERS[i % PHOTOGRAPHERS.length] ?? null,
        texts,
      });
    }
  });
  return out;
}

/** One abstract avatar per author (no photo, so no credit). */
export function avatarDefs(names: readonly string[]): DemoImageDef[] {
  return names.map((name, i) => ({
    spec: { key: `avatar-${i}`, ...AVATAR_SIZE, hue: (i * 47 + 15) % 360, label: name, variant: i },
    section: null,
    creditAgency: null,
    creditPhotographer: null,
    texts: [
      { locale: 'en', alt: `Illustrated avatar of ${name}`, caption: null },
      { locale: 'tr', alt: `${name} için çizilmiş profil görseli`, caption: null },
      { locale: 'ar', alt: `صورة رمزية: ${name}`, caption: null },
      { locale: 'fa', alt: `تصویر نمایه: ${name}`, caption: null },
    ],
  }));
}
