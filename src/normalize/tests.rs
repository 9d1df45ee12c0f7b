use super::*;
use crate::testing::{arabic_text, Rng};

/// `case!(input => expected)` normalizes with every step on; `case!(input, opts => expected)`
/// with the given options.
macro_rules! cases {
    ($name:ident: $($input:expr $(, $opts:expr)? => $want:expr;)+) => {
        #[test]
        fn $name() {
            $(
                #[allow(unused_mut, unused_assignments)]
                let mut opts = Options::default();
                $(opts = $opts;)?
                let n = Normalized::with_options($input, opts);
                assert_eq!(n.as_str(), $want, "normalizing {:?}", $input);
            )+
        }
    };
}

cases! { alef:
    "أحمد" => "احمد";
    "إسرائيل" => "اسراييل";
    "آذار" => "اذار";
    "ٱلله" => "الله";
    "أحمد", Options::default().without(Step::Alef) => "أحمد";
}

cases! { alef_maksura:
    "فى التى" => "في التي";
    "مصطفى", Options::default().without(Step::AlefMaksura) => "مصطفى";
}

cases! { teh_marbuta:
    "غزة" => "غزه";
    "غزة", Options::default().without(Step::TehMarbuta) => "غزة";
}

cases! { waw_and_yeh_hamza:
    "مسؤول" => "مسوول";
    "رئيس" => "رييس";
    "رئيس", Options::default().without(Step::YehHamza) => "رئيس";
    "مسؤول", Options::default().without(Step::WawHamza) => "مسؤول";
}

cases! { persian_letters:
    "کیف" => "كيف";
    "کیف", Options::default().without(Step::Persian) => "کیف";
}

cases! { diacritics:
    "سِيَاسِيًّا" => "سياسيا";
    "مُحَمَّدٌ" => "محمد";
    "رَحْمٰن" => "رحمن";
    "سِيَاسِيًّا", Options::default().without(Step::Diacritics) => "سِيَاسِيًّا";
}

cases! { tatweel:
    "الـــنـاتو" => "الناتو";
    "الـناتو", Options::default().without(Step::Tatweel) => "الـناتو";
}

cases! { invisible_marks:
    "\u{200F}روسيا\u{200B}" => "روسيا";
    "\u{FEFF}كييف\u{061C}" => "كييف";
    "a\u{200D}b" => "ab";
}

cases! { digits:
    "٢٠٢٤" => "2024";
    "۱۴۴۵" => "1445";
    "١٥/٣/٢٠٢٤" => "15/3/2024";
    "٢٠٢٤", Options::default().without(Step::Digits) => "٢٠٢٤";
}

cases! { presentation_forms:
    "ﻻ" => "لا";
    "ﻷ" => "لا";
    "ﺃﺣﻤﺪ" => "احمد";
    "\u{FDF2}" => "الله";
    "ﺑﻴﺮﻭﺕ" => "بيروت";
    "ﺃ", Options::default().without(Step::Alef) => "أ";
    "ﻻ", Options::default().without(Step::Presentation) => "ﻻ";
}

cases! { whitespace:
    "مارك  روته" => "مارك روته";
    "a \t b" => "a b";
    "a \n b" => "a\nb";
    "a\r\n\r\nb" => "a\nb";
    "a\u{00A0}b" => "a b";
    "a  b", Options::default().without(Step::Whitespace) => "a  b";
}

cases! { latin_case:
    "NATO" => "nato";
    "NATO", Options::default().without(Step::LatinCase) => "NATO";
}

cases! { no_steps:
    "أنتونى بلينكين ٢٠٢٤", Options::none() => "أنتونى بلينكين ٢٠٢٤";
}

#[test]
fn removed_marks_belong_to_the_letter_before() {
    let s = "بِ\u{0640}ـلِينكن";
    let n = Normalized::new(s);
    assert_eq!(n.as_str(), "بلينكن");
    assert_eq!(n.original_range(0..2), 0..8); // ب with its kasra and both tatweels
    assert_eq!(&s[n.original_range(0..n.as_str().len())], s);
    // A mark at the very start belongs to no letter.
    let n = Normalized::new("\u{064E}ب");
    assert_eq!(n.as_str(), "ب");
    assert_eq!(n.original_range(0..2), 2..4);
}

#[test]
fn multi_letter_forms_map_to_the_whole_original_char() {
    let s = "xﻻy";
    let n = Normalized::new(s);
    assert_eq!(n.as_str(), "xلاy");
    assert_eq!(n.original_range(1..3), 1..4); // ل alone: the whole ligature
    assert_eq!(n.original_range(3..5), 1..4); // ا alone: the whole ligature
}

#[test]
fn changes_name_their_steps() {
    let s = "فى ٢٠٢٤  سِ";
    let got: Vec<(&str, &str)> =
        Normalized::changes(s, Options::default()).iter().map(|c| (&s[c.start..c.end], c.step.name())).collect();
    assert_eq!(
        got,
        vec![
            ("ى", "alef_maksura"),
            ("٢", "digits"),
            ("٠", "digits"),
            ("٢", "digits"),
            ("٤", "digits"),
            (" ", "whitespace"),
            ("\u{0650}", "diacritics"),
        ]
    );
}

#[test]
fn normalized_offset_finds_the_first_byte_at_or_after() {
    let s = "أَب ج";
    let n = Normalized::new(s);
    assert_eq!(n.as_str(), "اب ج");
    assert_eq!(n.normalized_offset(0), 0);
    assert_eq!(n.normalized_offset(6), 4); // the space
    assert_eq!(n.normalized_offset(s.len()), n.as_str().len());
}

/// Any input: no panic, the alignment is monotone and covers every normalized byte, every
/// normalized char maps to a range on the original's char boundaries, and normalizing is
/// idempotent.
#[test]
fn property_alignment_is_sound() {
    let mut rng = Rng::new(7);
    for round in 0..3000 {
        let s = arabic_text(&mut rng, 1 + round % 60);
        for opts in [Options::default(), Options::none(), Options::default().without(Step::Whitespace)] {
            let n = Normalized::with_options(&s, opts);
            assert_eq!(n.align.len(), n.as_str().len());
            let mut prev = (0u32, 0u32);
            for (i, &(a, b)) in n.align.iter().enumerate() {
                assert!(a < b, "empty source for byte {i} of {:?}", n.as_str());
                assert!(a >= prev.0 && b >= prev.1, "alignment not monotone in {s:?}");
                assert!(s.is_char_boundary(a as usize) && s.is_char_boundary(b as usize));
                prev = (a, b);
            }
            for (i, c) in n.as_str().char_indices() {
                let r = n.original_range(i..i + c.len_utf8());
                assert!(s.get(r.clone()).is_some(), "range {r:?} off char boundaries in {s:?}");
            }
            if opts == Options::default() {
                assert_eq!(normalize_str(n.as_str()), n.as_str(), "not idempotent on {s:?}");
            }
        }
    }
}
