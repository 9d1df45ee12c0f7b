//! Tests of the time grammar: every example written in `data/timex/grammar.txt`, and tables of
//! cases by behaviour.

use super::*;
use crate::span::Kind;

fn reference() -> Option<Date> {
    GRAMMAR.reference
}

/// `(text of the span, kind, value)` of every time expression found.
fn found(text: &str, reference: Option<Date>) -> Vec<(String, Kind, String)> {
    let doc = Doc::new(text);
    find(&doc, reference)
        .into_iter()
        .map(|s| (text[s.range()].to_string(), s.kind, s.value.unwrap_or_default()))
        .collect()
}

/// `cases!(reference; text => [(span text, kind, value), …]; …)`
macro_rules! cases {
    ($r:expr; $($text:expr => [$(($ext:expr, $kind:ident, $val:expr)),* $(,)?];)+) => {
        $(
            let want: Vec<(String, Kind, String)> = vec![$(($ext.to_string(), Kind::$kind, $val.to_string())),*];
            assert_eq!(found($text, $r), want, "in {:?}", $text);
        )+
    };
}

#[test]
fn every_grammar_example_holds() {
    let g = &*GRAMMAR;
    let mut failures = Vec::new();
    for rule in &g.rules {
        for ex in &rule.examples {
            let doc = Doc::new(&ex.text);
            let spans = find(&doc, if ex.dated { g.reference } else { None });
            let got: Vec<(std::ops::Range<usize>, String, String)> =
                spans.iter().map(|s| (s.range(), s.value.clone().unwrap_or_default(), s.why.clone())).collect();
            let ok = match &ex.expected {
                None => got.is_empty(),
                Some((range, value)) => {
                    got.len() == 1 && got[0].0 == *range && got[0].1 == *value && got[0].2.starts_with(&format!("{}:", rule.name))
                }
            };
            if !ok {
                let shown: Vec<String> = got.iter().map(|(r, v, why)| format!("[{}] {v} ({why})", &ex.text[r.clone()])).collect();
                failures.push(format!("line {} [{}] {:?}: want {:?}, got {shown:?}", ex.line, rule.name, ex.text, ex.expected));
            }
        }
    }
    assert!(failures.is_empty(), "{} examples fail:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_rule_has_an_example_that_finds_something() {
    for rule in &GRAMMAR.rules {
        let positive = rule.examples.iter().any(|e| e.expected.is_some());
        assert!(positive || rule.kind == RuleKind::None, "rule [{}] has no positive example", rule.name);
        assert!(!rule.examples.is_empty(), "rule [{}] has no example", rule.name);
    }
}

#[test]
fn grammar_errors_name_their_line() {
    let err = |src: &str| Grammar::parse(src).unwrap_err().to_string();
    assert_eq!(err("[a]\nkind: date\npattern: FOO\nwhy: x"), "data/timex/grammar.txt line 3: unknown category FOO");
    assert_eq!(err("[a]\nkind: dates"), "data/timex/grammar.txt line 2: unknown kind \"dates\"");
    assert_eq!(err("kind: date"), "data/timex/grammar.txt line 1: kind: before any [rule]");
    assert_eq!(err("[a]\nkind: date\npattern: @b\nwhy: x"), "data/timex/grammar.txt line 3: no rule above carries the tag @b");
    assert_eq!(err("[a]\nkind: date\npattern: [ DAY\nwhy: x"), "data/timex/grammar.txt line 3: a [ without its ]");
    assert_eq!(err("[a]\nkind: date\npattern: DAY\nexample: no brackets => 1"), "data/timex/grammar.txt line 4: an example needs its expression in [brackets]");
    assert!(err("[a]\nkind: date\nwhy: x").contains("needs a pattern"));
}

#[test]
fn names_inside_other_words_are_not_found() {
    cases! { reference();
        "السابع من الشهر" => [];
        "الآباء والأبناء" => [];
        "الآباء 2024" => [("2024", Date, "2024")];
        "أيارين" => [];
        "المارس" => [];
        "أمسية ثقافية" => [];
        "الغدير" => [];
    }
}

#[test]
fn adjectives_and_titles_are_not_dates() {
    cases! { reference();
        "قال الأمين العام للأمم المتحدة" => [];
        "الرأي العام والقطاع العام" => [];
        "النائب العام والمدعي العام" => [];
        "العام الدراسي" => [];
        "اجتمع الاثنين في القاهرة" => [];
        "أحد الأيام" => [];
        "صلاة الجمعة في المسجد" => [];
        "انتصار تيار المستقبل" => [];
        "وصلت شحنة نيسان" => [];
    }
}

#[test]
fn counts_and_labels_are_not_years() {
    cases! { reference();
        "قتل 23 من حلفاء الحكومة" => [];
        "نشر 2000 جندي" => [];
        "القرار 2254 لمجلس الأمن" => [];
        "نحو 1900 شخص" => [];
        "بلغ 2,000 دولار" => [];
        "رقم 1948" => [];
        "أكثر من 2000 من المقاتلين" => [];
    }
}

#[test]
fn proclitics_stay_outside_the_span() {
    cases! { reference();
        "وفي 24 فبراير 2022 بدأت" => [("24 فبراير 2022", Date, "2022-02-24")];
        "والعام الماضي" => [("العام الماضي", Date, "2023")];
        "للعام الثاني" => [];
        "للعام المقبل" => [("لعام المقبل", Date, "2025")];
        "بالأمس" => [("الأمس", Date, "2024-11-14")];
        "ولمدة ثلاث سنوات" => [("ثلاث سنوات", Duration, "P3Y")];
        "بعد 24 فبراير" => [("24 فبراير", Date, "2024-02-24")];
        "وخلال الأيام المقبلة" => [("الأيام المقبلة", Relative, "FUTURE_REF")];
    }
}

#[test]
fn a_day_the_month_does_not_have_leaves_the_rest() {
    cases! { reference();
        "في 31 فبراير 2023" => [("فبراير 2023", Date, "2023-02")];
        "31 من هذا الشهر" => [("هذا الشهر", Date, "2024-11")];
        "في الحادي والثلاثين من الشهر الجاري" => [("الشهر الجاري", Date, "2024-11")];
    }
}

#[test]
fn a_count_after_a_weekday_is_not_its_day() {
    cases! { reference();
        "قتل يوم الخميس 3 جنود" => [("يوم الخميس", Date, "2024-11-14")];
    }
}

#[test]
fn a_shift_from_an_event_is_a_duration() {
    cases! { reference();
        "قبل ثلاث سنوات من الحرب" => [("ثلاث سنوات", Duration, "P3Y")];
        "بعد يومين على الهجوم" => [("يومين", Duration, "P2D")];
        "بعد عامين وثلاثة أشهر من الحرب" => [("عامين وثلاثة أشهر", Duration, "P2Y3M")];
        "منذ شهر و 10 أيام على الاتفاق" => [("شهر و 10 أيام", Duration, "P1M10D")];
    }
}

#[test]
fn kinds_follow_what_the_expression_says() {
    cases! { reference();
        "السنوات الأربع الماضية" => [("السنوات الأربع الماضية", Duration, "P4Y")];
        "الشهرين المقبلين" => [("الشهرين المقبلين", Duration, "P2M")];
        "منذ يومين" => [("منذ يومين", Date, "2024-11-13")];
        "منذ سنوات" => [("منذ سنوات", Relative, "PAST_REF")];
        "مؤخراً" => [("مؤخراً", Relative, "PAST_REF")];
        "الأسبوع المقبل" => [("الأسبوع المقبل", Date, "2024-W47")];
    }
}

#[test]
fn without_a_reference_date_unknown_parts_stay_x() {
    cases! { None;
        "يوم 13 الجارى" => [("يوم 13 الجارى", Date, "XXXX-XX-13")];
        "في 13 مارس" => [("13 مارس", Date, "XXXX-03-13")];
        "العام الماضي" => [("العام الماضي", Date, "XXXX")];
        "الخميس الماضي" => [("الخميس الماضي", Date, "XXXX-WXX-4")];
        "24 فبراير 2022" => [("24 فبراير 2022", Date, "2022-02-24")];
        "العامين الماضيين" => [("العامين الماضيين", Duration, "P2Y")];
        "شهر رمضان" => [("شهر رمضان", Date, "")];
    }
}

#[test]
fn egyptian_spelling_and_indic_digits_are_read() {
    cases! { reference();
        "فى ٢٤ فبراير ٢٠٢٢" => [("٢٤ فبراير ٢٠٢٢", Date, "2022-02-24")];
        "يوم 13 الجارى" => [("يوم 13 الجارى", Date, "2024-11-13")];
        "الأسبوع الماضى" => [("الأسبوع الماضى", Date, "2024-W45")];
        "١٥/٣/٢٠٢٤" => [("١٥/٣/٢٠٢٤", Date, "2024-03-15")];
        "السابِعَ مِنْ أكتوبر" => [("السابِعَ مِنْ أكتوبر", Date, "2024-10-07")];
    }
}

#[test]
fn several_expressions_in_one_sentence() {
    cases! { reference();
        "التقى الوزيران الخميس الماضي بعد اجتماع 3 أكتوبر 2024، وسيلتقيان مجددا الشهر المقبل" => [
            ("الخميس الماضي", Date, "2024-11-14"),
            ("3 أكتوبر 2024", Date, "2024-10-03"),
            ("الشهر المقبل", Date, "2024-12"),
        ];
        "من 2014 إلى 2016" => [("2014", Date, "2014"), ("2016", Date, "2016")];
    }
}

#[test]
fn an_expression_does_not_cross_a_line_or_a_comma() {
    cases! { reference();
        "في 24 فبراير\n2022" => [("24 فبراير", Date, "2024-02-24"), ("2022", Date, "2022")];
        "يوم الخميس، الماضي" => [("يوم الخميس", Date, "2024-11-14")];
    }
}

#[test]
fn scores_decimals_and_fractions_are_not_dates() {
    cases! { reference();
        "فاز الأهلي على ضيفه 2-1 في المباراة" => [];
        "وتعادل الفريقان 1-1." => [];
        "انتهت المباراة بنتيجة 3-2" => [];
        "وأغلق السهم عند 4.22." => [];
        "ارتفع المؤشر 4.22 نقطة" => [];
        "بلغ التضخم 3.5% في" => [];
        "حصل على 3/4 الأصوات" => [];
        "وعاد 3/4 من النازحين" => [];
        "وعاد المؤشر إلى 27." => [];
        "ووصل عدد القتلى إلى 27." => [];
        "ونشرت قوات في 15 دولة" => [];
        "عاد في 12.5 ثانية" => [];
    }
}

#[test]
fn a_verb_of_coming_back_dates_the_day_that_closes_its_clause() {
    cases! { reference();
        "وقال إنه سيعود في 22." => [("22", Date, "2024-11-22")];
        "ثم سافرنا ل22/4، وبعدها" => [];
        "ستغادر البعثة في الثالث" => [];
        "سيغادرون في الثالث" => [("الثالث", Date, "2024-11-03")];
        "رجعت 4.22" => [("4.22", Date, "2024-04-22")];
        "سافر السبت" => [("السبت", Date, "2024-11-09")];
        "سيسافر السبت" => [("السبت", Date, "2024-11-16")];
    }
}

#[test]
fn amounts_of_several_units_are_one_expression() {
    cases! { reference();
        "حكم البلاد عشر سنين وستة أشهر وتسعة عشر يوما" => [("عشر سنين وستة أشهر وتسعة عشر يوما", Duration, "P10Y6M19D")];
        "سجل 3 دقائق و40 ثانية" => [("3 دقائق و40 ثانية", Duration, "PT3M40S")];
        "سنة وشهرين و3 سنوات" => [("سنة وشهرين", Duration, "P1Y2M"), ("3 سنوات", Duration, "P3Y")];
        "استمر الاجتماع ثلاث ساعات وعقد بعده مؤتمر" => [("ثلاث ساعات", Duration, "PT3H")];
        "منذ عام 1848 عقد" => [("عام 1848", Date, "1848")];
        "قبل عام 2000 بقليل" => [("عام 2000", Date, "2000")];
        "منذ 4 سنة 5 شهر" => [("منذ 4 سنة 5 شهر", Date, "2020-06")];
        "في غضون عام من الآن" => [("عام من الآن", Date, "2025")];
    }
}
