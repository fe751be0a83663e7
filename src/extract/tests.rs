use super::*;
use crate::corpus;
use crate::normalize::words;
use std::path::Path;

const G: &str = "entities:
  - id: armenia
    kind: country
    en: Armenia
    ar: أرمينيا
    adjectives: [أرمني, أرميني, أرمن]
  - id: yerevan
    kind: place
    en: Yerevan
    ar: يريفان
    side: armenia
measures:
  - id: killed
    en: killed
    ar: قتلى
    triggers: [مقتل, قتيل*, قتلى, قتلت]
  - id: wounded
    en: wounded
    ar: جرحى
    triggers: [جروح, جرحى, إصابة]
  - id: displaced
    en: displaced
    ar: نازحون
    triggers: [نزح*]
subjects:
  - id: civilians
    en: civilians
    ar: مدنيون
    triggers: [مدني*]
  - id: military
    en: military
    ar: عسكريون
    triggers: [جنود, جندي, عسكري*, مقاتل*]
";

/// Extract from `text` with the glossary `g`.
fn extract_with(g: &Glossary, text: &str, date: Option<&str>) -> Facts {
    let article = Article {
        id: "t".into(),
        path: "t".into(),
        title: None,
        date: date.map(str::to_string),
        outlet: None,
        url: None,
        sentences: corpus::segment(text, 0, None),
        text: text.to_string(),
    };
    let norm = Normalized::new(text);
    let ms = crate::link::link(g, &norm, &article.sentences);
    extract(g, &article, &norm, &words(norm.key()), &ms)
}

fn run(text: &str, date: Option<&str>) -> (Glossary, Facts, String) {
    let g = Glossary::parse(Path::new("g.yaml"), G).unwrap();
    let f = extract_with(&g, text, date);
    (g, f, text.to_string())
}

fn nums(text: &str) -> Vec<(String, NumberKind, Option<f64>, Option<f64>)> {
    let (_, f, t) = run(text, Some("2020-10-21"));
    f.numbers
        .iter()
        .map(|n| (t[n.start..n.end].to_string(), n.kind, n.value, n.high))
        .collect()
}

#[test]
fn digits_in_three_scripts_and_scales() {
    let v = nums("قتل ٣٦ شخصا و۴۰ آخرون ونزح 30 ألف شخص.");
    assert_eq!(v[0].2, Some(36.0));
    assert_eq!(v[1].2, Some(40.0));
    assert_eq!(
        v[2],
        ("30 ألف".into(), NumberKind::Quantity, Some(30000.0), None)
    );
}

#[test]
fn ranges_and_number_words() {
    let v = nums("نزح ما بين سبعين إلى 75 ألف شخص. وقتل بين 10 و15 جنديا. ومر ثلاثة أسابيع.");
    assert_eq!((v[0].2, v[0].3), (Some(70000.0), Some(75000.0)));
    assert_eq!((v[1].2, v[1].3), (Some(10.0), Some(15.0)));
    assert_eq!((v[2].1, v[2].2), (NumberKind::Duration, Some(3.0)));
}

#[test]
fn qualifiers() {
    let (_, f, _) = run(
        "سقط أكثر من 800 قتيل بينهم نحو 100 مدني، وقتل 5 جنود على الأقل.",
        None,
    );
    let q: Vec<Qualifier> = f.numbers.iter().map(|n| n.qualifier).collect();
    assert_eq!(
        q,
        vec![Qualifier::MoreThan, Qualifier::About, Qualifier::AtLeast]
    );
    assert_eq!(f.numbers[1].part_of, Some(0));
}

#[test]
fn percentages() {
    let v = nums("نزح 50% من السكان و٩٠ في المئة من الأطفال.");
    assert_eq!((v[0].1, v[0].2), (NumberKind::Percent, Some(50.0)));
    assert_eq!(v[0].0, "50%");
    assert_eq!((v[1].1, v[1].2), (NumberKind::Percent, Some(90.0)));
}

#[test]
fn traps_years_dates_times_ages_names() {
    let v = nums("انفصل في عام 1991 وأعلنت الهدنة في 1994. بدأ القتال في 27 أيلول/سبتمبر، والاجتماع الساعة 12,00 ت غ. قال رجل يبلغ من العمر 63 عاماً إن صواريخ إس-300 وصلت.");
    let kinds: Vec<NumberKind> = v.iter().map(|x| x.1).collect();
    assert_eq!(
        kinds,
        vec![
            NumberKind::Year,
            NumberKind::Year,
            NumberKind::Date,
            NumberKind::Time,
            NumberKind::Age,
            NumberKind::Name
        ]
    );
}

#[test]
fn numeric_dates_are_dates_not_counts() {
    let (_, f, t) = run(
        "وقع الهجوم في 21/10/2020 وأعلن عنه في ٢٠٢٠-١٠-٢٢ رسميا.",
        None,
    );
    let d: Vec<(&str, &str)> = f
        .dates
        .iter()
        .map(|d| (&t[d.start..d.end], d.date.as_str()))
        .collect();
    assert_eq!(
        d,
        vec![("21/10/2020", "2020-10-21"), ("٢٠٢٠-١٠-٢٢", "2020-10-22")]
    );
    assert!(f.numbers.iter().all(|n| n.kind == NumberKind::Date));
}

#[test]
fn wounded_1900_is_a_count_not_a_year() {
    let (_, f, _) = run("أشارت إلى مقتل 790 عسكرياً وإصابة 1900 بجروح.", None);
    assert_eq!(f.numbers[1].kind, NumberKind::Quantity);
    assert_eq!(f.numbers[1].value, Some(1900.0));
}

#[test]
fn two_figures_with_measures_subjects_and_sides() {
    let (g, f, t) = run("أعلنت يريفان مقتل 710 جنود أرمن و36 مدنياً في القتال.", None);
    let a = &f.numbers[0];
    let b = &f.numbers[1];
    // the conjunction glued to the figure is not part of it
    assert_eq!(&t[b.start..b.end], "36");
    assert_eq!(g.measures[a.measure.unwrap()].id, "killed");
    assert_eq!(g.subjects[a.subject.unwrap()].id, "military");
    assert_eq!(g.entities[a.side.unwrap()].id, "armenia");
    assert_eq!(g.measures[b.measure.unwrap()].id, "killed");
    assert_eq!(g.subjects[b.subject.unwrap()].id, "civilians");
    assert_eq!(g.entities[a.attributed_to.unwrap()].id, "yerevan");
}

#[test]
fn dates_in_both_series_and_relative_words() {
    let (_, f, t) = run(
        "عقد الاجتماع في التاسع من تشرين الأول/أكتوبر. وبدأ في 27 سبتمبر/أيلول. وتحدث الأربعاء وأمس.",
        Some("2020-10-21"),
    );
    let d: Vec<(&str, &str)> = f
        .dates
        .iter()
        .map(|d| (&t[d.start..d.end], d.date.as_str()))
        .collect();
    assert_eq!(d[0].1, "2020-10-09");
    assert_eq!(d[1].1, "2020-09-27");
    assert_eq!(d[2], ("الأربعاء", "2020-10-21"));
    assert_eq!(d[3].1, "2020-10-20");
}

#[test]
fn this_month_resolves_against_the_article_date() {
    let (_, f, _) = run(
        "الاجتماع الذي عقد في التاسع من الشهر الحالي.",
        Some("2020-10-21"),
    );
    assert_eq!(f.dates[0].date, "2020-10-09");
}

#[test]
fn quotes_with_speakers() {
    let (g, f, t) = run(
        "وقالت يريفان «لن نتراجع عن موقفنا». وقال آخر \"نعم\".",
        None,
    );
    assert_eq!(f.quotes.len(), 1);
    assert_eq!(
        &t[f.quotes[0].start..f.quotes[0].end],
        "لن نتراجع عن موقفنا"
    );
    assert_eq!(g.entities[f.quotes[0].speaker.unwrap()].id, "yerevan");
}

#[test]
fn the_speaker_is_the_person_not_the_body_they_lead() {
    let g = "entities:
  - {id: rsf, kind: organisation, en: RSF, ar: قوات الدعم السريع}
  - {id: dagalo, kind: person, en: Mohamed Dagalo, ar: محمد حمدان دقلو}
  - {id: un, kind: organisation, en: UN, ar: الأمم المتحدة}
  - {id: burhan, kind: person, en: Burhan, ar: البرهان}
";
    let g = Glossary::parse(Path::new("g.yaml"), g).unwrap();
    let who =
        |text: &str| extract_with(&g, text, None).attribution[0].map(|e| g.entities[e].id.clone());
    assert_eq!(
        who("وقال قائد قوات الدعم السريع محمد حمدان دقلو إن قواته مستعدة.").as_deref(),
        Some("dagalo")
    );
    // the reported speech starts at إن: the person after it is not the speaker
    assert_eq!(
        who("قالت الأمم المتحدة إن البرهان وافق على الهدنة.").as_deref(),
        Some("un")
    );
}

#[test]
fn civil_days_roundtrip() {
    for z in [-1000, 0, 18500, 18556] {
        let (y, m, d) = civil_from_days(z);
        assert_eq!(days_from_civil(y, m, d), z);
    }
    assert_eq!(fmt_days(days_from_civil(2020, 10, 21)), "2020-10-21");
}
