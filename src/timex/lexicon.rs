//! The word tables of the time grammar: month, weekday, number and unit names and the other words
//! the grammar's categories stand for, all data in `data/timex/*.tsv`, compiled in, parsed once.
//!
//! Every phrase is stored normalized (`normalize_str`), indexed by its first word; a phrase of
//! several words (كانون الثاني، أول من أمس) matches only word by word, so a month name is never
//! found inside another word (آب in السابع).

use std::fmt;
use std::sync::LazyLock;

use crate::fxhash::FxHashMap;
use crate::normalize::normalize_str;

/// A calendar unit, as TIMEX3 durations write it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
    Decade,
    Century,
}

impl Unit {
    /// A unit by its letters in the tables and the grammar (`Y`, `M`, `W`, `D`, `H`, `MIN`, `S`,
    /// `DE`, `CE`).
    pub fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "Y" => Unit::Year,
            "M" => Unit::Month,
            "W" => Unit::Week,
            "D" => Unit::Day,
            "H" => Unit::Hour,
            "MIN" => Unit::Minute,
            "S" => Unit::Second,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            _ => return None,
        })
    }

    /// The unit's designator in an ISO 8601 / TIMEX3 duration (`P3Y`, `PT48H`, `P2DE`).
    pub fn designator(self) -> &'static str {
        match self {
            Unit::Year => "Y",
            Unit::Month | Unit::Minute => "M",
            Unit::Week => "W",
            Unit::Day => "D",
            Unit::Hour => "H",
            Unit::Second => "S",
            Unit::Decade => "DE",
            Unit::Century => "CE",
        }
    }

    /// Whether the unit is part of the clock (its duration goes after `T`).
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Hour | Unit::Minute | Unit::Second)
    }
}

/// A part of the day, as TIMEX3 writes it (`2024-11-10TEV`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Morning,
    Midday,
    Afternoon,
    Evening,
    Night,
}

impl Part {
    pub fn parse(s: &str) -> Option<Part> {
        Some(match s {
            "MO" => Part::Morning,
            "MI" => Part::Midday,
            "AF" => Part::Afternoon,
            "EV" => Part::Evening,
            "NI" => Part::Night,
            _ => return None,
        })
    }

    pub fn timex(self) -> &'static str {
        match self {
            Part::Morning => "MO",
            Part::Midday => "MI",
            Part::Afternoon => "AF",
            Part::Evening => "EV",
            Part::Night => "NI",
        }
    }
}

/// A part of a period (TIMEX3's `mod`): مطلع العام, منتصف 2024, نهاية الشهر.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    Start,
    Mid,
    End,
}

impl Edge {
    fn parse(s: &str) -> Option<Edge> {
        Some(match s {
            "START" => Edge::Start,
            "MID" => Edge::Mid,
            "END" => Edge::End,
            _ => return None,
        })
    }

    pub fn words(self) -> &'static str {
        match self {
            Edge::Start => "the start of the period",
            Edge::Mid => "the middle of the period",
            Edge::End => "the end of the period",
        }
    }
}

/// A time without a calendar value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vague {
    Past,
    Present,
    Future,
}

impl Vague {
    pub fn parse(s: &str) -> Option<Vague> {
        Some(match s {
            "PAST_REF" => Vague::Past,
            "PRESENT_REF" => Vague::Present,
            "FUTURE_REF" => Vague::Future,
            _ => return None,
        })
    }

    /// The direction of a relative offset: before, at or after the reference.
    pub fn of_sign(n: i32) -> Vague {
        match n.signum() {
            -1 => Vague::Past,
            0 => Vague::Present,
            _ => Vague::Future,
        }
    }

    pub fn timex(self) -> &'static str {
        match self {
            Vague::Past => "PAST_REF",
            Vague::Present => "PRESENT_REF",
            Vague::Future => "FUTURE_REF",
        }
    }
}

/// How a number word takes part in a number (see `data/timex/numbers.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumClass {
    Unit,
    UnitTeen,
    Ten,
    Teen,
    Tens,
    Hundred,
    Thousand,
    Thousands,
    Ord,
    OrdX,
    OrdUnit,
    OrdTens,
}

/// The categories of `data/timex/words.tsv`, named the same there and in the grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordCat {
    Rel,
    RelX,
    Recent,
    DayRef,
    PartOf,
    PartAdv,
    PartDef,
    Edge,
    Vague,
    Decade,
    Few,
    Counted,
    Label,
    Function,
    Future,
    Move,
}

impl WordCat {
    pub fn parse(name: &str) -> Option<WordCat> {
        Some(match name {
            "REL" => WordCat::Rel,
            "RELX" => WordCat::RelX,
            "MOVE" => WordCat::Move,
            "RECENT" => WordCat::Recent,
            "DAYREF" => WordCat::DayRef,
            "PARTOF" => WordCat::PartOf,
            "PARTADV" => WordCat::PartAdv,
            "PARTDEF" => WordCat::PartDef,
            "EDGE" => WordCat::Edge,
            "VAGUE" => WordCat::Vague,
            "DECADE" => WordCat::Decade,
            "FEW" => WordCat::Few,
            "COUNTED" => WordCat::Counted,
            "LABEL" => WordCat::Label,
            "FUNCTION" => WordCat::Function,
            "FUTURE" => WordCat::Future,
            _ => return None,
        })
    }
}

/// What a word of `data/timex/words.tsv` means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordValue {
    Int(i32),
    Part(Part),
    Edge(Edge),
    Vague(Vague),
}

/// What a phrase of the tables names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    Month { month: u8, hijri: bool, alone: bool },
    Weekday { iso: u8, alone: bool, definite: bool },
    Number { value: u32, class: NumClass },
    /// `number` is 1, 2 (a dual) or 0 (a plural).
    Unit { unit: Unit, number: u8, definite: bool },
    Word { cat: WordCat, value: WordValue },
}

/// A phrase: the words after its first one, and what it names.
#[derive(Clone, Debug)]
pub struct Phrase {
    pub rest: Box<[String]>,
    pub entry: Entry,
}

/// A line of a table that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableError {
    pub file: &'static str,
    pub line: usize,
    pub text: String,
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "data/timex/{} line {}: cannot read {:?}", self.file, self.line, self.text)
    }
}

/// All phrases of the tables, indexed by their normalized first word.
#[derive(Debug, Default)]
pub struct Lexicon {
    first: FxHashMap<String, Vec<Phrase>>,
}

/// The tables, in the order they are read.
pub static FILES: &[(&str, &str)] = &[
    ("months.tsv", include_str!("../../data/timex/months.tsv")),
    ("weekdays.tsv", include_str!("../../data/timex/weekdays.tsv")),
    ("numbers.tsv", include_str!("../../data/timex/numbers.tsv")),
    ("units.tsv", include_str!("../../data/timex/units.tsv")),
    ("words.tsv", include_str!("../../data/timex/words.tsv")),
];

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(FILES).unwrap_or_else(|e| panic!("{e}")));

fn read_entry(file: &str, cols: &[&str]) -> Option<Entry> {
    let num = |i: usize| cols.get(i)?.parse::<i32>().ok();
    let yes = |i: usize| match cols.get(i).copied() {
        Some("yes") => Some(true),
        Some("no") => Some(false),
        _ => None,
    };
    Some(match file {
        "months.tsv" => Entry::Month {
            month: u8::try_from(num(1)?).ok().filter(|m| (1..=12).contains(m))?,
            hijri: match *cols.get(2)? {
                "gregorian" => false,
                "hijri" => true,
                _ => return None,
            },
            alone: yes(4)?,
        },
        "weekdays.tsv" => Entry::Weekday {
            iso: u8::try_from(num(1)?).ok().filter(|d| (1..=7).contains(d))?,
            alone: yes(2)?,
            definite: normalize_str(cols[0]).starts_with("ال"),
        },
        "numbers.tsv" => Entry::Number {
            value: u32::try_from(num(1)?).ok()?,
            class: match *cols.get(2)? {
                "unit" => NumClass::Unit,
                "unitteen" => NumClass::UnitTeen,
                "ten" => NumClass::Ten,
                "teen" => NumClass::Teen,
                "tens" => NumClass::Tens,
                "hundred" => NumClass::Hundred,
                "thousand" => NumClass::Thousand,
                "thousands" => NumClass::Thousands,
                "ord" => NumClass::Ord,
                "ordx" => NumClass::OrdX,
                "ordunit" => NumClass::OrdUnit,
                "ordtens" => NumClass::OrdTens,
                _ => return None,
            },
        },
        "units.tsv" => Entry::Unit {
            unit: Unit::parse(cols.get(1)?)?,
            number: match *cols.get(2)? {
                "1" => 1,
                "2" => 2,
                "many" => 0,
                _ => return None,
            },
            definite: yes(3)?,
        },
        "words.tsv" => {
            let v = *cols.get(2)?;
            let cat = WordCat::parse(cols.get(1)?)?;
            let value = match cat {
                WordCat::PartOf | WordCat::PartAdv | WordCat::PartDef => WordValue::Part(Part::parse(v)?),
                WordCat::Edge => WordValue::Edge(Edge::parse(v)?),
                WordCat::Vague => WordValue::Vague(Vague::parse(v)?),
                _ => WordValue::Int(v.parse().ok()?),
            };
            Entry::Word { cat, value }
        }
        _ => return None,
    })
}

impl Lexicon {
    /// Reads `(file name, contents)` tables; the file name says how to read a line.
    pub fn parse(files: &[(&'static str, &str)]) -> Result<Lexicon, TableError> {
        let mut lex = Lexicon::default();
        for &(file, contents) in files {
            for (n, line) in contents.lines().enumerate() {
                let line = line.trim_end_matches('\r');
                if line.trim().is_empty() || line.starts_with('#') {
                    continue;
                }
                let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
                let err = || TableError { file, line: n + 1, text: line.to_string() };
                let entry = read_entry(file, &cols).ok_or_else(err)?;
                let norm = normalize_str(cols[0]);
                let mut words = norm.split(' ').map(str::to_string);
                let first = words.next().filter(|w| !w.is_empty()).ok_or_else(err)?;
                let list = lex.first.entry(first).or_default();
                list.push(Phrase { rest: words.collect(), entry });
                // Longest phrases first, so that a scan can take the first that matches.
                list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
            }
        }
        Ok(lex)
    }

    /// The phrases whose first word is `word` (normalized), longest first.
    pub fn starting(&self, word: &str) -> &[Phrase] {
        self.first.get(word).map_or(&[], Vec::as_slice)
    }

    /// The first words of every phrase whose entry satisfies `pred`.
    pub fn first_words(&self, pred: impl Fn(&Entry) -> bool) -> impl Iterator<Item = &str> {
        self.first.iter().filter(move |(_, ps)| ps.iter().any(|p| pred(&p.entry))).map(|(w, _)| w.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_reads() {
        let lex = Lexicon::parse(FILES).unwrap();
        let month = |w: &str| lex.starting(&normalize_str(w)).iter().map(|p| p.entry).collect::<Vec<_>>();
        assert_eq!(month("أكتوبر"), [Entry::Month { month: 10, hijri: false, alone: true }]);
        assert_eq!(month("آب"), [Entry::Month { month: 8, hijri: false, alone: false }]);
        // Two-word names are indexed by their first word, the rest kept to match word by word.
        let tishrin = lex.starting("تشرين");
        assert!(tishrin.iter().all(|p| p.rest.len() == 1 && matches!(p.entry, Entry::Month { .. })));
        assert!(lex.starting("السابع").iter().all(|p| !matches!(p.entry, Entry::Month { .. })));
        assert!(lex.starting("عشره").len() == 2, "عشرة is both ten and the teen part");
        assert_eq!(
            lex.starting("الماضيين")[0].entry,
            Entry::Word { cat: WordCat::Rel, value: WordValue::Int(-1) }
        );
        assert_eq!(
            lex.starting("العامين")[0].entry,
            Entry::Unit { unit: Unit::Year, number: 2, definite: true }
        );
    }

    #[test]
    fn a_bad_line_is_reported_with_its_place() {
        let err = Lexicon::parse(&[("months.tsv", "# header\nيناير\t13\tgregorian\tegypt\tyes\n")]).unwrap_err();
        assert_eq!(err.line, 2);
        assert_eq!(err.to_string(), "data/timex/months.tsv line 2: cannot read \"يناير\\t13\\tgregorian\\tegypt\\tyes\"");
        assert!(Lexicon::parse(&[("words.tsv", "قريبا\tVAGUE\tSOON\n")]).is_err());
    }
}
