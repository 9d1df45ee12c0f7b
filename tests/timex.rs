//! The time grammar measured on data made by others (../shared, skipped with a message where it is
//! absent), each figure held by a floor set just below what it measured, so that a regression
//! fails. `cargo test --test timex -- --nocapture` prints the figures and the misses.
//!
//! - the seed article's gold: dates F1 and value accuracy (../shared/eval/score.py);
//! - Duckling's Arabic time corpus: the share of phrases whose value we produce, over the phrases
//!   of the shapes we support (the others are listed below, each with its reason);
//! - Microsoft Recognizers-Text, DateExtractor and DateParser: the share of cases whose extents
//!   (and values) we match;
//! - Wojood's validation part: DATE spans, relaxed (any overlap) extent F1.

mod common;

use std::path::Path;

use kashif::date::Date;
use kashif::doc::Doc;
use kashif::span::Span;
use kashif::timex;

/// A date from `YYYY-MM-DD…`.
fn day(s: &str) -> Date {
    s[..10].parse().unwrap()
}

fn spans(text: &str, reference: Option<Date>) -> Vec<Span> {
    timex::find(&Doc::new(text), reference)
}

/// Char offsets (what Python and .NET count for Arabic text) of a byte range.
fn chars(text: &str, s: &Span) -> (usize, usize) {
    (text[..s.start].chars().count(), text[..s.end].chars().count())
}

#[test]
fn seed_gold_dates() {
    let Some(shared) = common::shared_or_skip("seed_gold_dates") else { return };
    let report = common::score_seed(&shared);
    let f1 = report["dates"]["f1"].as_f64().unwrap();
    let values = report["dates.values"].as_f64().unwrap();
    println!("seed gold: dates F1 {f1:.3} ({}), values {values:.3} ({})", report["dates"], report["counts"]);
    // Measured 1.000 (17 of 17 gold dates, no spurious one) and 1.000.
    assert!(f1 >= 0.99, "dates F1 {f1}");
    assert!(values >= 0.99, "date values {values}");
}

/// Shapes of Duckling's corpus that the grammar does not read, with the reason. A phrase is left
/// out when it contains one of these words or its expected value is one of these kinds.
const DUCKLING_UNSUPPORTED: &[(&str, &str)] = &[
    ("holiday", "holidays (عيد الفطر، عيد الميلاد) are not in the grammar yet"),
    ("بتوقيت", "time zones (بتوقيت GMT): values are local times"),
    ("اخر", "the last weekday or week of a month (اخر اثنين من شهر اذار)"),
    ("الاخير", "the last weekday or week of a month (الاثنين الاخير من شهر ثلاثة)"),
    ("اسبوع بشهر", "the nth week of a month"),
    ("الاسبوع الاول", "the nth week of a month"),
    ("شهر عشرة", "months named by their number (شهر عشرة، شهر ثلاثة)"),
    ("شهر ثلاث", "months named by their number (شهر عشرة، شهر ثلاثة)"),
    ("شهر 3", "months named by their number (شهر عشرة، شهر ثلاثة)"),
    ("الشهر الثامن", "months named by their ordinal (الشهر التاسع)"),
    ("الشهر التاسع", "months named by their ordinal (الشهر التاسع)"),
    ("كريسماس", "holidays (عيد الفطر، عيد الميلاد) are not in the grammar yet"),
    ("من الساعة", "ranges of hours (من الساعة 3 الى الساعة 4)"),
    ("وحتى الساعة", "ranges of hours (من الساعة 3 الى الساعة 4)"),
    ("13-15", "ranges of days (تموز 13 الى 15، 13 الى 15 تموز)"),
    (" الى 15", "ranges of days (تموز 13 الى 15، 13 الى 15 تموز)"),
    ("الى 29", "ranges of days (تموز 13 الى 15، 13 الى 15 تموز)"),
    ("1-8", "ranges of days (تموز 13 الى 15، 13 الى 15 تموز)"),
    ("27-29", "ranges of days (تموز 13 الى 15، 13 الى 15 تموز)"),
    ("وحتى السادس", "ranges of days (تموز 13 الى 15، 13 الى 15 تموز)"),
    ("اوائل", "the early or late days of a month as an interval: we give the month with its part in why"),
    ("أوائل", "the early or late days of a month as an interval: we give the month with its part in why"),
    ("اواخر", "the early or late days of a month as an interval: we give the month with its part in why"),
    ("أواخر", "the early or late days of a month as an interval: we give the month with its part in why"),
    ("حتى الساعة", "open intervals up to a time (حتى الساعة 2:00)"),
    ("خلال اسبوعين", "a span from now (خلال اسبوعين): we read خلال + count as the duration P2W"),
    ("الاسابيع الثلاثة", "the next weeks as an interval: we read a counted plural as a duration (P3W)"),
    ("الليلة", "tonight as an interval of hours: we give the day and its part (2013-02-12TNI)"),
    ("منتصف", "the middle of a month: we keep the month (TIMEX3 mod MID, in why); Duckling gives its 15th"),
    ("نصف شهر", "the middle of a month: we keep the month (TIMEX3 mod MID, in why); Duckling gives its 15th"),
    ("بحدود الساعة", "a clock hour without a part of the day: we keep it as written (03:00); Duckling takes the next one (15:00)"),
    ("حوالي الساعة", "a clock hour without a part of the day: we keep it as written (03:00); Duckling takes the next one (15:00)"),
    ("2/2013", "a month and year in digits is a month (2013-02); Duckling gives its first day"),
    ("الي بعد", "dialect relative clauses (اليوم الي بعد بكرة، اليوم القبل البارحة)"),
    ("الي قبل", "dialect relative clauses (اليوم الي بعد بكرة، اليوم القبل البارحة)"),
    ("القبل", "dialect relative clauses (اليوم الي بعد بكرة، اليوم القبل البارحة)"),
    ("من اسبوع", "dialect من for ago (من اسبوع)"),
    ("الماض\t", "a misspelling (الشهر الماض)"),
];

/// Dates without a year whose month lies more than six months after the reference, with no
/// future-tense word beside them: news reads them as the last such date (the tense decides, see
/// `value::gregorian`); Duckling, a scheduling assistant, always takes the next one.
const DUCKLING_YEARLESS_AHEAD: &[&str] =
    &["اليوم الثالث من اكتوبر", "الثلاثاء الأولى من اكتوبر", "الثلاثا الاول من شهر تشرين الاول"];

/// Bare weekdays: news reports what happened, so a bare weekday is the last one up to the
/// article's date (Duckling, a scheduling assistant, takes the next one); الاثنين، الأحد and
/// الجمعة alone are also "both", "the one", "the gathering" and need يوم or a date.
const DUCKLING_BARE_WEEKDAYS: &[&str] =
    &["الاثنين", "هذا الاثنين", "الثلاثاء", "الجمعة", "الجمعه", "الخميس", "السبت", "الاحد"];

/// Duckling's value and grain as TIMEX3: a day, an ISO week, a month, a year, a time; now is
/// PRESENT_REF; an interval of days is `first/last` (Duckling's end is exclusive).
fn duckling_timex(value: &str, grain: &str, now: &str) -> String {
    if let Some((a, b)) = value.split_once('/') {
        let (a, b) = (day(a), day(b).add_days(-1));
        return format!("{a}/{b}");
    }
    let d = day(value);
    match grain {
        "Second" if value == now => "PRESENT_REF".into(),
        "Second" => value[..19].to_string(),
        "Minute" => value[..16].to_string(),
        "Hour" => format!("{}:00", &value[..13]),
        "Day" => d.to_string(),
        "Week" => {
            let (y, w) = d.iso_week();
            format!("{y:04}-W{w:02}")
        }
        "Month" => value[..7].to_string(),
        _ => value[..4].to_string(),
    }
}

#[test]
fn duckling_phrases() {
    let Some(shared) = common::shared_or_skip("duckling_phrases") else { return };
    let tsv = std::fs::read_to_string(shared.join("data/timex/duckling_ar.tsv")).unwrap();
    let now = "2013-02-12T04:30:00";
    let reference = day(now);
    let (mut supported, mut produced, mut left_out) = (0, 0, 0);
    let mut misses = Vec::new();
    for line in tsv.lines().skip(2) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [phrase, value, grain, kind] = cols[..] else { panic!("{line:?}") };
        let phrase_tab = format!("{phrase}\t");
        if DUCKLING_UNSUPPORTED.iter().any(|(w, _)| phrase_tab.contains(w) || kind.starts_with(w)) || DUCKLING_BARE_WEEKDAYS.contains(&phrase)
            || DUCKLING_YEARLESS_AHEAD.contains(&phrase)
        {
            left_out += 1;
            continue;
        }
        supported += 1;
        let want = duckling_timex(value, grain, now);
        let got: Vec<String> = spans(phrase, Some(reference)).into_iter().filter_map(|s| s.value).collect();
        if got.contains(&want) {
            produced += 1;
        } else {
            misses.push(format!("{phrase}: want {want}, got {got:?}"));
        }
    }
    let share = produced as f64 / supported as f64;
    println!("duckling: {produced}/{supported} supported phrases get their value ({share:.3}); {left_out} left out as unsupported");
    for m in &misses {
        println!("  {m}");
    }
    // Measured 1.000 (108 of 108; 69 phrases left out, each for a reason listed above).
    assert!(share >= 0.98, "duckling share {share}");
}

/// One Recognizers-Text case: the input, its reference date and the expected results
/// (char start, char end, text, accepted values).
struct Case {
    input: String,
    reference: Option<Date>,
    results: Vec<(usize, usize, String, Vec<String>)>,
}

fn recognizers(shared: &Path, file: &str) -> Vec<Case> {
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(shared.join("data/timex/recognizers").join(file)).unwrap()).unwrap();
    let mut out = Vec::new();
    for c in json.as_array().unwrap() {
        let unsupported = ["NotSupported", "NotSupportedByDesign"].iter().any(|k| c[k].as_str().is_some_and(|s| s.contains("dotnet")));
        if unsupported {
            continue;
        }
        let reference = c["Context"]["ReferenceDateTime"].as_str().map(day);
        let results = c["Results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let start = r["Start"].as_u64().unwrap() as usize;
                let len = r["Length"].as_u64().unwrap() as usize;
                let v = &r["Value"];
                let values = [&v["Timex"], &v["FutureResolution"]["date"], &v["PastResolution"]["date"]]
                    .iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect();
                (start, start + len, r["Text"].as_str().unwrap().to_string(), values)
            })
            .collect();
        out.push(Case { input: c["Input"].as_str().unwrap().to_string(), reference, results });
    }
    out
}

/// Words and proclitics that one convention puts inside an extent and the other outside (عدت
/// إلى 27 is marked "إلى 27" there; we keep prepositions out). Extents match when they end
/// together and their starts differ only by these. منذ and بعد give the direction of a shift,
/// so we keep them in; Recognizers-Text keeps them in some cases (بعد أسبوعين من الآن) and out
/// of others (منذ شهر و 21 يوم من الآن).
const LEADING: &[&str] = &["في", "إلى", "الى", "يوم", "هذا", "منذ", "بعد", "ب", "ل", "و", "ف", "ك"];

fn same_extent(input: &str, a: (usize, usize), b: (usize, usize)) -> bool {
    if a.1 != b.1 {
        return false;
    }
    let chars: Vec<char> = input.chars().collect();
    let (lo, hi) = (a.0.min(b.0), a.0.max(b.0));
    let gap: String = chars[lo..hi].iter().collect();
    let mut rest = gap.trim();
    while !rest.is_empty() {
        let Some(w) = LEADING.iter().find(|w| rest.starts_with(*w)) else { return false };
        rest = rest[w.len()..].trim_start();
    }
    true
}

/// How a case's values count.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Values {
    /// Extents only.
    Ignored,
    /// The value is the expected TIMEX or one of its resolutions.
    Exact,
    /// Or, where we keep a coarser granularity, their value truncated to ours (قبل عامين: 2014
    /// for their 2014-11-07, قبل شهر: 2016-10 for 2016-10-07).
    AtGrain,
}

/// Whether our year or month `ours` is the day `theirs` truncated to it.
fn at_grain(ours: &str, theirs: &str) -> bool {
    matches!(ours.len(), 4 | 7)
        && ours.bytes().all(|b| b.is_ascii_digit() || b == b'-')
        && theirs.len() > ours.len()
        && theirs.starts_with(ours)
        && theirs[ours.len()..].starts_with('-')
}

/// The share of cases whose extents all match (no more, no fewer) and whose values count as
/// `values` says.
fn recognizers_rate(cases: &[Case], values: Values, misses: &mut Vec<String>) -> f64 {
    let mut ok = 0;
    for case in cases {
        let found = spans(&case.input, case.reference);
        let got: Vec<((usize, usize), String)> =
            found.iter().map(|s| (chars(&case.input, s), s.value.clone().unwrap_or_default())).collect();
        let mut good = got.len() == case.results.len();
        for (start, end, _, accepted) in &case.results {
            let hit = got.iter().find(|(r, _)| same_extent(&case.input, *r, (*start, *end)));
            good &= hit.is_some_and(|(_, v)| match values {
                Values::Ignored => true,
                Values::Exact => accepted.contains(v),
                Values::AtGrain => accepted.iter().any(|a| a == v || at_grain(v, a)),
            });
        }
        if good {
            ok += 1;
        } else {
            let want: Vec<String> = case.results.iter().map(|(_, _, t, v)| format!("{t} {v:?}")).collect();
            let shown: Vec<String> = got.iter().map(|((a, b), v)| format!("{} {v}", case.input.chars().skip(*a).take(b - a).collect::<String>())).collect();
            misses.push(format!("{}: want {want:?}, got {shown:?}", case.input));
        }
    }
    ok as f64 / cases.len() as f64
}

/// Where our reading of a Recognizers-Text case differs by design, the reason, printed beside the
/// miss (the rates count these cases all the same).
const RECOGNIZERS_CONVENTIONS: &[(&str, &str)] = &[
    ("الأحد القادم", "الأحد القادم is the coming Sunday; Recognizers-Text takes next week's"),
    ("الأحد السادس", "a weekday and an ordinal above the fifth name the day of the month; Recognizers-Text marks the weekday alone"),
    ("الاثنين العاشر", "a weekday and an ordinal above the fifth name the day of the month; Recognizers-Text marks the weekday alone"),
    ("الأحد الخامس", "a fifth Sunday the month does not have is no date (Recognizers-Text writes 2017-09-31)"),
    ("الحادي والثلاثين من هذا الشهر", "a 31st of a month of 30 days is no date"),
    ("16/04/21", "a numeric date with a two-digit year is day/month/year, as Arabic writes it"),
    ("08/12, 2015", "a numeric day and month is day/month, as Arabic writes it; Recognizers-Text reads month/day"),
    (", 15", "a two-digit year after a comma is not read: after a day and month it is as often a count"),
    (", 16", "a two-digit year after a comma is not read: after a day and month it is as often a count"),
    ("بضعة", "a few days or months ago is PAST_REF: the count is not known (Recognizers-Text takes three)"),
    ("آخر يوم", "آخر يوم is the last day of something the text names; Recognizers-Text reads yesterday"),
    ("يومي", "يومي (my day; daily) is not a date"),
    ("| الجمعة", "الجمعة alone is also the Friday prayer or a gathering: it needs يوم, a date or a verb of going"),
    ("أخبار اليوم", "أخبار اليوم is a newspaper's name"),
    ("غادرت هنا", "an amount من الآن without قبل or منذ counts forward from now (بعد left out); Recognizers-Text counts back in a past-tense clause"),
    ("قبل عامين", "ago keeps its unit's granularity (2014); it matches at our granularity"),
    ("قبل شهر", "ago keeps its unit's granularity (2016-10); it matches at our granularity"),
];

#[test]
fn recognizers_dates() {
    let Some(shared) = common::shared_or_skip("recognizers_dates") else { return };
    let mut misses = Vec::new();
    let extractor = recognizers_rate(&recognizers(&shared, "DateExtractor.json"), Values::Ignored, &mut misses);
    let extractor_misses = std::mem::take(&mut misses);
    let parser_cases = recognizers(&shared, "DateParser.json");
    let parser_extent = recognizers_rate(&parser_cases, Values::Ignored, &mut Vec::new());
    let parser = recognizers_rate(&parser_cases, Values::Exact, &mut misses);
    let parser_grain = recognizers_rate(&parser_cases, Values::AtGrain, &mut Vec::new());
    println!(
        "recognizers: DateExtractor extent {extractor:.3}; DateParser extent {parser_extent:.3}, value {parser:.3} exact, {parser_grain:.3} at our granularity"
    );
    for m in extractor_misses.iter().chain(&misses) {
        let why = RECOGNIZERS_CONVENTIONS.iter().find(|(w, _)| m.split(": want").next().is_some_and(|input| input.contains(w)));
        match why {
            Some((_, why)) => println!("  {m}\n      by design: {why}"),
            None => println!("  {m}"),
        }
    }
    // Measured 0.966, 0.951, 0.843 exact and 0.863 at our granularity; every miss is one of
    // RECOGNIZERS_CONVENTIONS. A bare day or D/M (عدت في 27، سأعود 4.22) is read only where it
    // closes the clause of a verb of going or coming back: in news such numbers are counts,
    // scores and decimals.
    assert!(extractor >= 0.96, "DateExtractor extent {extractor}");
    assert!(parser_extent >= 0.94, "DateParser extent {parser_extent}");
    assert!(parser >= 0.84, "DateParser value {parser}");
    assert!(parser_grain >= 0.86, "DateParser value at our granularity {parser_grain}");
}

/// Wojood's sentences as text (tokens joined by spaces, one sentence a line) with the char
/// ranges of its spans of one type, in any of its nested columns.
fn wojood(path: &Path, kinds: &[&str]) -> (String, Vec<Vec<(usize, usize)>>) {
    let raw = std::fs::read_to_string(path).unwrap();
    let mut text = String::new();
    let mut spans: Vec<Vec<(usize, usize)>> = vec![Vec::new(); kinds.len()];
    for sentence in raw.split("\n\n") {
        let rows: Vec<Vec<&str>> = sentence.lines().map(|l| l.split(' ').collect::<Vec<_>>()).filter(|r| r[0] != "$#$" && !r[0].is_empty()).collect();
        if rows.is_empty() {
            continue;
        }
        let mut offsets = Vec::new();
        for (i, r) in rows.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            let start = text.chars().count();
            text.push_str(r[0]);
            offsets.push((start, text.chars().count()));
        }
        text.push('\n');
        let columns = rows.iter().map(Vec::len).max().unwrap();
        for (k, kind) in kinds.iter().enumerate() {
            for col in 1..columns {
                let mut open: Option<(usize, usize)> = None;
                for (i, r) in rows.iter().enumerate() {
                    let tag = r.get(col).copied().unwrap_or("O");
                    if tag == format!("B-{kind}") {
                        spans[k].extend(open.take());
                        open = Some((offsets[i].0, offsets[i].1));
                    } else if tag == format!("I-{kind}") && open.is_some() {
                        open.as_mut().unwrap().1 = offsets[i].1;
                    } else {
                        spans[k].extend(open.take());
                    }
                }
                spans[k].extend(open.take());
            }
        }
    }
    (text, spans)
}

#[test]
fn wojood_dates() {
    let Some(shared) = common::shared_or_skip("wojood_dates") else { return };
    let (text, gold) = wojood(&shared.join("data/wojood/val.txt"), &["DATE", "TIME"]);
    let (dates, times) = (&gold[0], &gold[1]);
    let found: Vec<(usize, usize)> = spans(&text, None).iter().map(|s| chars(&text, s)).collect();
    let overlaps = |a: &(usize, usize), b: &(usize, usize)| a.0 < b.1 && b.0 < a.1;
    let tp_gold = dates.iter().filter(|g| found.iter().any(|p| overlaps(p, g))).count();
    // A span over a TIME (a time of day, which Wojood types apart) is neither right nor wrong.
    let counted: Vec<&(usize, usize)> = found.iter().filter(|p| !times.iter().any(|t| overlaps(p, t)) || dates.iter().any(|g| overlaps(p, g))).collect();
    let tp_pred = counted.iter().filter(|p| dates.iter().any(|g| overlaps(p, g))).count();
    let p = tp_pred as f64 / counted.len().max(1) as f64;
    let r = tp_gold as f64 / dates.len() as f64;
    let f1 = 2.0 * p * r / (p + r);
    let chars: Vec<char> = text.chars().collect();
    let show = |(a, b): (usize, usize)| chars[a..b].iter().collect::<String>();
    println!("wojood val DATE: relaxed P {p:.3} R {r:.3} F1 {f1:.3} ({} gold, {} found)", dates.len(), counted.len());
    for g in dates.iter().filter(|g| !found.iter().any(|p| overlaps(p, g))) {
        println!("  missed: {}", show(*g));
    }
    for s in counted.iter().filter(|p| !dates.iter().any(|g| overlaps(p, g))) {
        println!("  spurious: {}", show(**s));
    }
    // Measured 0.946 (P 0.963, R 0.929).
    assert!(f1 >= 0.94, "wojood DATE relaxed F1 {f1}");
}

/// Words the grammar reads, and others, for texts dense in time expressions.
const TIME_PIECES: &[&str] = &[
    "يوم", "الخميس", "الجمعة", "الاثنين", "الماضي", "المقبل", "الجارى", "من", "عام", "العام", "سنة", "2024", "1445",
    "13", "31", "7", "٢٠٢٤", "15/3/2024", "/", "-", ".", ":", "14:30", "(", ")", "،", "تشرين", "الأول", "أكتوبر",
    "آذار", "مارس", "رمضان", "هـ", "السابع", "الحادي", "والعشرين", "عشر", "ثلاث", "سنوات", "العامين", "الماضيين",
    "الأسبوع", "الشهر", "الأيام", "قبل", "منذ", "بعد", "غد", "أمس", "اليوم", "الساعة", "الثالثة", "عصرا", "وربع",
    "إلا", "مساء", "صباح", "نهاية", "مطلع", "منتصف", "هذا", "أول", "ثاني", "بضعة", "أيام", "الآن", "في", "و", "ب",
    "ال", "48", "ساعة", "التسعينيات", "القرن", "الليلة", "\n", " ", " ", " ", "نحو", "جندي", "%",
    "عاد", "سيعود", "إلى", "ل", "مقبلة", "خلت", "طويلة", "آخر", "واحد", "وعشرين", "يوليو", ",", "!", "شهر", "و3",
];

#[test]
fn any_mix_of_time_words_gives_sound_spans() {
    let mut rng = kashif::testing::Rng::new(7);
    for round in 0..3000 {
        let mut text = String::new();
        for _ in 0..1 + round % 40 {
            text.push_str(rng.pick::<&str>(TIME_PIECES));
            if rng.below(3) > 0 {
                text.push(' ');
            }
        }
        let reference: Option<Date> = (round % 2 == 0).then(|| "2024-11-15".parse().unwrap());
        let found = spans(&text, reference);
        let mut end = 0;
        for s in &found {
            assert!(s.start >= end && s.start < s.end && text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{s:?} in {text:?}");
            end = s.end;
            assert!(s.why.contains(':'), "{s:?}");
            let Some(v) = &s.value else { continue };
            let timex_chars = v.bytes().all(|b| b.is_ascii_digit() || b"XWTPYMDHSECREFAUTNOVIPAST_-/:#".contains(&b));
            assert!(timex_chars && !v.is_empty(), "value {v:?} of {s:?} in {text:?}");
            match s.kind {
                kashif::Kind::Duration => assert!(v.starts_with('P'), "{s:?}"),
                kashif::Kind::Relative => assert!(v.ends_with("_REF"), "{s:?}"),
                _ => assert!(!v.starts_with('P') && !v.ends_with("_REF"), "{s:?}"),
            }
        }
    }
}
