//! The categories the grammar's patterns name in capitals (`DAY`, `MONTH`, `YEAR`, `NUM`, …): each
//! reads one or more tokens from a position and fills the fields of a [`Frame`]. Words come from
//! the tables ([`super::lexicon`]); the readers of digits, number words and numeric dates are
//! here.

use std::borrow::Cow;
use std::cell::Cell;

use crate::doc::Doc;
use crate::tokenize::TokenKind;

use super::lexicon::{Entry, NumClass, Phrase, WordCat, WordValue, LEXICON};
use super::lexicon::Unit;
use super::grammar::Memo;
use super::value::{put, Amount, Count, Frame};

/// The tokens a pattern reads, from the token `start` on, whose text may be a proclitic reading's
/// stem (والعام read as العام). `strip`: the token at that index is read without its first bytes
/// (the و of وعشرين, the article of الأربع).
#[derive(Clone)]
pub struct Cursor<'a> {
    pub doc: &'a Doc<'a>,
    pub start: usize,
    pub stem: Cow<'a, str>,
    /// The proclitic letters the reading took off the token at `start` (ل of للثاني).
    pub lead: &'a str,
    pub strip: Option<(usize, usize)>,
    /// Where the matches of rules from `start` are kept, for the tags that name those rules
    /// ([`Memo`]); none for a cursor made on the way (a stripped word, a word looked back at).
    pub memo: Option<&'a Memo>,
    /// Where the phrases starting with each word of the document are kept, once looked up.
    pub starting: Option<&'a Starting>,
}

/// The phrases of the tables that start with each word of a document, by word type
/// ([`Doc::type_of`]), once looked up: the categories of the grammar ask for the same words
/// over and over (each rule tried at a token reads the tokens after it again).
#[derive(Debug)]
pub struct Starting(Vec<Cell<Option<&'static [Phrase]>>>);

impl Starting {
    pub fn new(doc: &Doc) -> Starting {
        Starting(vec![Cell::new(None); doc.type_count()])
    }
}

impl<'a> Cursor<'a> {
    pub fn new(doc: &'a Doc<'a>, start: usize, stem: Cow<'a, str>) -> Cursor<'a> {
        Cursor { doc, start, stem, lead: "", strip: None, memo: None, starting: None }
    }

    /// A cursor at the token `start` read as the proclitic letters `lead` and the `stem`.
    pub fn reading(doc: &'a Doc<'a>, start: usize, lead: &'a str, stem: Cow<'a, str>) -> Cursor<'a> {
        Cursor { lead, ..Cursor::new(doc, start, stem) }
    }

    /// This cursor, keeping the matches of rules from its start in `memo` (emptied for it).
    pub fn remembering(self, memo: &'a Memo) -> Cursor<'a> {
        memo.clear();
        Cursor { memo: Some(memo), ..self }
    }

    /// This cursor, finding the phrases that start with the document's words in `starting`.
    pub fn looking_up(self, starting: &'a Starting) -> Cursor<'a> {
        Cursor { starting: Some(starting), ..self }
    }

    /// This cursor, reading token `j` without its first `bytes` bytes (its matches are another
    /// cursor's: it keeps none).
    pub fn stripping(&self, j: usize, bytes: usize) -> Cursor<'a> {
        Cursor { strip: Some((j, bytes)), memo: None, ..self.clone() }
    }

    /// The number of tokens of the document.
    pub fn tokens(&self) -> usize {
        self.doc.tokens.len()
    }

    /// The (normalized) text of token `j` as the pattern reads it ("" past the end).
    pub fn word(&self, j: usize) -> &str {
        if j >= self.tokens() {
            return "";
        }
        let w: &str = if j == self.start { &self.stem } else { self.doc.tok(j) };
        match self.strip {
            Some((at, bytes)) if at == j && w.len() > bytes => &w[bytes..],
            _ => w,
        }
    }

    /// The kind of token `j` (punctuation past the end, where `word` is empty).
    pub fn kind(&self, j: usize) -> TokenKind {
        self.doc.tokens.get(j).map_or(TokenKind::Punct, |t| t.kind)
    }

    /// Whether token `j` exists and follows the token before it across plain spaces only (or
    /// none: 1445هـ, 15/3), so that both may belong to one expression.
    pub fn joined(&self, j: usize) -> bool {
        j < self.tokens()
            && (j == 0
                || self.doc.text()[self.doc.tokens[j - 1].end..self.doc.tokens[j].start].bytes().all(|b| b == b' '))
    }

    /// Whether token `j` can continue an expression begun before it.
    fn next(&self, j: usize) -> bool {
        j < self.tokens() && (j == self.start || self.joined(j))
    }

    /// A number token's value, if it has at most `max_digits` digits.
    fn digits(&self, j: usize, max_digits: usize) -> Option<u32> {
        (self.next(j) && self.kind(j) == TokenKind::Number && self.word(j).len() <= max_digits)
            .then(|| self.word(j).parse().ok())
            .flatten()
    }

    /// The phrases of the tables that start at token `j`, longest first, with the index after each.
    pub fn phrases(&self, j: usize) -> impl Iterator<Item = (usize, Entry)> + '_ {
        let ok = self.next(j);
        let list = if ok { self.starting(j) } else { &[] };
        list.iter().filter_map(move |p| {
            let mut k = j + 1;
            for w in p.rest.iter() {
                if !(self.joined(k) && self.word(k) == w) {
                    return None;
                }
                k += 1;
            }
            Some((k, p.entry))
        })
    }

    /// The phrases of the tables whose first word is token `j` as the pattern reads it: for the
    /// token's own text (not a stem of it, nor a stripped word), those of its word type, looked
    /// up once.
    fn starting(&self, j: usize) -> &'static [Phrase] {
        let word = self.word(j);
        if let (Some(known), Some(ty)) = (self.starting, self.doc.type_of(j)) {
            let tok = self.doc.tok(j);
            if std::ptr::eq(word.as_ptr(), tok.as_ptr()) && word.len() == tok.len() {
                let cell = &known.0[ty as usize];
                return cell.get().unwrap_or_else(|| {
                    let list = LEXICON.starting(word);
                    cell.set(Some(list));
                    list
                });
            }
        }
        LEXICON.starting(word)
    }

    /// The longest phrase at `j` whose entry `pick` accepts, and what `pick` made of it.
    fn phrase<T>(&self, j: usize, mut pick: impl FnMut(Entry) -> Option<T>) -> Option<(usize, T)> {
        self.phrases(j).find_map(|(k, e)| pick(e).map(|t| (k, t)))
    }

    fn word_cat(&self, j: usize, cat: WordCat) -> Option<(usize, WordValue)> {
        self.phrase(j, |e| match e {
            Entry::Word { cat: c, value } if c == cat => Some(value),
            _ => None,
        })
    }

    /// Whether token `j` is the punctuation `p`.
    fn punct(&self, j: usize, p: &str) -> bool {
        self.next(j) && self.kind(j) == TokenKind::Punct && self.word(j) == p
    }
}

/// A category of the grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cat {
    /// A day of the month: 1–31 in digits, or an ordinal (السابع، الحادي والعشرين، أول).
    Day,
    /// A Gregorian month name, or two names of one month (تشرين الأول أكتوبر، مايو/أيار).
    Month,
    /// A Gregorian month name that may stand alone (not آب).
    MonthAlone,
    HMonth,
    HMonthAlone,
    /// A year: four digits 1000–2999, perhaps in parentheses, or in words (ألفين).
    Year,
    /// A Hijri year: 1–1600, perhaps in parentheses.
    HYear,
    /// Four digits that read as a year where they stand, not as a count (see [`bare_year`]).
    BareYear,
    /// A numeric date with its year: 15/3/2024, 2024-03-15, ( 29 / 12 / 2011 ).
    NumDate,
    /// A numeric day and month: 15/3, 22-4.
    NumDayMonth,
    /// A numeric day and month with a dot (22.4, 4.22), which is more often a decimal.
    NumDayMonthDot,
    /// A numeric month and year: 3/2024.
    NumMonthYear,
    Weekday,
    WeekdayAlone,
    /// A weekday without the article (يوم جمعة، أحد الأسبوع الماضي).
    WeekdayX,
    /// A cardinal number in digits or words (ثلاثة، خمسة عشر، 48).
    Num,
    /// A day of the month in cardinal words (واحد وعشرين، الخمسة عشر).
    CardDay,
    /// Counts of two or more units read together (سنتين وثلاثة أشهر، 1 شهر و 21 يوما), see
    /// [`amount`].
    Amount,
    /// A further part of an amount after و or a comma (وثلاثة أشهر): for look-ahead, so that
    /// an amount is read whole or not at all.
    Plus,
    /// A definite ordinal 1–99 (الثاني، الحادي عشر، العشرين).
    Ord,
    /// An ordinal without the article: أول، ثالث.
    OrdX,
    /// Unit words by form: UNIT singular, UNIT2 dual, UNITS plural, THE… with the article.
    Unit,
    Unit2,
    Units,
    TheUnit,
    TheUnit2,
    TheUnits,
    /// A word of a category of `data/timex/words.tsv`, by the same name (`REL`, `DAYREF`,
    /// `PARTOF`, `EDGE`, `VAGUE`, `FEW` …).
    Words(WordCat),
    /// A clock time in digits: 14:30, 3:18, 15:23:24.
    Clock,
    /// An hour: 0–24 in digits, or 1–12 in words (الثالثة، ثلاثة).
    Hour,
    /// Minutes after an hour: و 18 دقيقة، وربع، ونصف، إلا ثلث.
    Minutes,
    /// Any word (for look-ahead: a count is followed by its noun).
    Word,
    /// A word that is not a particle (`FUNCTION` in `data/timex/words.tsv`): after a day
    /// number, such a word makes it a count (الخميس 3 قتلى) rather than a date.
    Content,
}

impl Cat {
    pub fn parse(name: &str) -> Option<Cat> {
        use Cat::*;
        Some(match name {
            "DAY" => Day,
            "MONTH" => Month,
            "MONTHALONE" => MonthAlone,
            "HMONTH" => HMonth,
            "HMONTHALONE" => HMonthAlone,
            "YEAR" => Year,
            "HYEAR" => HYear,
            "BAREYEAR" => BareYear,
            "NUMDATE" => NumDate,
            "NUMDM" => NumDayMonth,
            "NUMDMDOT" => NumDayMonthDot,
            "NUMMY" => NumMonthYear,
            "WEEKDAY" => Weekday,
            "WEEKDAYALONE" => WeekdayAlone,
            "WEEKDAYX" => WeekdayX,
            "NUM" => Num,
            "CARDDAY" => CardDay,
            "AMOUNT" => Cat::Amount,
            "PLUS" => Plus,
            "ORD" => Ord,
            "ORDX" => OrdX,
            "UNIT" => Cat::Unit,
            "UNIT2" => Unit2,
            "UNITS" => Units,
            "THEUNIT" => TheUnit,
            "THEUNIT2" => TheUnit2,
            "THEUNITS" => TheUnits,
            "CLOCK" => Clock,
            "HOUR" => Hour,
            "MINUTES" => Minutes,
            "WORD" => Word,
            "CONTENT" => Content,
            _ => Words(WordCat::parse(name)?),
        })
    }

    /// What a first token of this category can be: a number, `(`, any word, or one of the words
    /// the tables list (for the grammar's index of rules by first word).
    pub fn first(self) -> First {
        use Cat::*;
        let words = |pred: fn(&Entry) -> bool| LEXICON.first_words(pred).map(str::to_string).collect::<Vec<_>>();
        let numbers = |pred: fn(NumClass) -> bool| {
            LEXICON.first_words(move |e| matches!(e, Entry::Number { class, .. } if pred(*class))).map(str::to_string).collect()
        };
        let cat = |c: WordCat| LEXICON.first_words(move |e| matches!(e, Entry::Word { cat, .. } if *cat == c)).map(str::to_string).collect();
        let units = |n: u8, def: bool| {
            LEXICON
                .first_words(move |e| matches!(e, Entry::Unit { number, definite, .. } if *number == n && *definite == def))
                .map(str::to_string)
                .collect()
        };
        match self {
            Day => First { number: true, words: numbers(|c| matches!(c, NumClass::Ord | NumClass::OrdUnit | NumClass::OrdTens | NumClass::OrdX)), ..First::default() },
            Month | MonthAlone => First { words: words(|e| matches!(e, Entry::Month { hijri: false, .. })), ..First::default() },
            HMonth | HMonthAlone => First { words: words(|e| matches!(e, Entry::Month { hijri: true, .. })), ..First::default() },
            Year => First { number: true, paren: true, words: numbers(|c| c == NumClass::Thousand), ..First::default() },
            HYear | BareYear | NumDate | NumDayMonth | NumDayMonthDot | NumMonthYear => First { number: true, paren: true, ..First::default() },
            Weekday | WeekdayAlone | WeekdayX => First { words: words(|e| matches!(e, Entry::Weekday { .. })), ..First::default() },
            Num => First {
                number: true,
                words: numbers(|c| !matches!(c, NumClass::Ord | NumClass::OrdX | NumClass::OrdUnit | NumClass::OrdTens | NumClass::Teen)),
                ..First::default()
            },
            Hour => First { number: true, words: numbers(|c| !matches!(c, NumClass::Teen | NumClass::OrdX)), ..First::default() },
            CardDay => First { words: numbers(|c| matches!(c, NumClass::Unit | NumClass::UnitTeen | NumClass::Ten | NumClass::Tens)), ..First::default() },
            Cat::Amount => First {
                number: true,
                words: numbers(|c| !matches!(c, NumClass::Ord | NumClass::OrdX | NumClass::OrdUnit | NumClass::OrdTens | NumClass::Teen))
                    .into_iter()
                    .chain(units(1, false))
                    .chain(units(2, false))
                    .collect(),
                ..First::default()
            },
            Ord => First { words: numbers(|c| matches!(c, NumClass::Ord | NumClass::OrdUnit | NumClass::OrdTens)), ..First::default() },
            OrdX => First { words: numbers(|c| c == NumClass::OrdX), ..First::default() },
            Cat::Unit => First { words: units(1, false), ..First::default() },
            Unit2 => First { words: units(2, false), ..First::default() },
            Units => First { words: units(0, false), ..First::default() },
            TheUnit => First { words: units(1, true), ..First::default() },
            TheUnit2 => First { words: units(2, true), ..First::default() },
            TheUnits => First { words: units(0, true), ..First::default() },
            Words(c) => First { words: cat(c), ..First::default() },
            Clock => First { number: true, ..First::default() },
            Minutes | Word | Content | Plus => First { any_word: true, ..First::default() },
        }
    }

    /// Reads the category at token `j`: the index after it and the frame with its fields filled.
    pub fn read(self, c: &Cursor, j: usize, f: Frame) -> Option<(usize, Frame)> {
        use Cat::*;
        let mut f = f;
        let k = match self {
            Day => {
                let (k, d) = day(c, j)?;
                // An ordinal word may also be the nth weekday (الثلاثاء الثالث من أيلول).
                let ok = put(&mut f.day, d) && (c.kind(j) == TokenKind::Number || put(&mut f.ord, d));
                ok.then_some(k)?
            }
            Month | MonthAlone | HMonth | HMonthAlone => {
                let hijri = matches!(self, HMonth | HMonthAlone);
                let alone = matches!(self, MonthAlone | HMonthAlone);
                let (k, m) = month(c, j, hijri, alone)?;
                f.hijri_month = hijri;
                put(&mut f.month, m).then_some(k)?
            }
            Year => {
                let (k, y) = in_parens(c, j, |j| {
                    c.digits(j, 4).filter(|y| (1000..=2999).contains(y) && c.word(j).len() == 4).map(|y| (j + 1, y))
                })
                .or_else(|| number(c, j).filter(|&(_, n)| (1000..=2999).contains(&n)))?;
                put(&mut f.year, y as i32).then_some(k)?
            }
            HYear => {
                let (k, y) = in_parens(c, j, |j| c.digits(j, 4).filter(|y| (1..=1600).contains(y)).map(|y| (j + 1, y)))?;
                f.hijri_year = true;
                put(&mut f.year, y as i32).then_some(k)?
            }
            BareYear => {
                let (k, y) = bare_year(c, j)?;
                put(&mut f.year, y as i32).then_some(k)?
            }
            NumDate | NumDayMonth | NumDayMonthDot | NumMonthYear => {
                let (k, (y, m, d)) = in_parens(c, j, |j| numeric_date(c, j, self))?;
                let ok = y.is_none_or(|y| put(&mut f.year, y)) && put(&mut f.month, m) && d.is_none_or(|d| put(&mut f.day, d));
                ok.then_some(k)?
            }
            Weekday | WeekdayAlone | WeekdayX => {
                let (k, iso) = c.phrase(j, |e| match e {
                    Entry::Weekday { iso, alone, definite } => {
                        let fits = match self {
                            Weekday => definite,
                            WeekdayAlone => definite && alone,
                            _ => !definite,
                        };
                        fits.then_some(iso)
                    }
                    _ => None,
                })?;
                put(&mut f.weekday, iso).then_some(k)?
            }
            Num => {
                let (k, n) = c.digits(j, 9).map(|n| (j + 1, n)).or_else(|| number(c, j))?;
                put(&mut f.count, Count::N(n)).then_some(k)?
            }
            CardDay => {
                if c.kind(j) != TokenKind::Word {
                    return None;
                }
                let (k, d) = number(c, j).filter(|&(_, d)| (1..=31).contains(&d))?;
                put(&mut f.day, d as u8).then_some(k)?
            }
            Cat::Amount => {
                // An amount counts its own units: no count or unit may come before it.
                if f.count.is_some() || f.unit.is_some() {
                    return None;
                }
                let (k, a) = amount(c, j)?;
                f.amount = Some(a);
                k
            }
            Plus => amount_next(c, j)?.end,
            Ord | OrdX => {
                let (k, n) = if self == Ord { ordinal(c, j)? } else { ordinal_x(c, j)? };
                put(&mut f.ord, n as u8).then_some(k)?
            }
            Cat::Unit | Unit2 | Units | TheUnit | TheUnit2 | TheUnits => {
                let (want_n, want_def) = match self {
                    Cat::Unit => (1, false),
                    Unit2 => (2, false),
                    Units => (0, false),
                    TheUnit => (1, true),
                    TheUnit2 => (2, true),
                    _ => (0, true),
                };
                let (k, unit) = c.phrase(j, |e| match e {
                    Entry::Unit { unit, number, definite } if number == want_n && definite == want_def => Some(unit),
                    _ => None,
                })?;
                let ok = put(&mut f.unit, unit) && (want_n != 2 || put(&mut f.count, Count::N(2)));
                f.plural |= want_n == 0;
                ok.then_some(k)?
            }
            Words(cat) => {
                let (k, v) = c.word_cat(j, cat)?;
                let ok = match (cat, v) {
                    (WordCat::DayRef, WordValue::Int(n)) => put(&mut f.days, n),
                    (WordCat::Decade, WordValue::Int(n)) => put(&mut f.decade, n as u16),
                    (WordCat::Few, _) => put(&mut f.count, Count::Few),
                    (WordCat::Rel | WordCat::RelX | WordCat::Recent, WordValue::Int(n)) => put(&mut f.offset, n),
                    (_, WordValue::Part(p)) => put(&mut f.part, p),
                    (_, WordValue::Edge(e)) => put(&mut f.edge, e),
                    (_, WordValue::Vague(v)) => put(&mut f.vague, v),
                    // Words that only guide other readings (COUNTED, LABEL …) fill nothing.
                    _ => true,
                };
                ok.then_some(k)?
            }
            Clock => {
                let (k, (h, m, s)) = clock(c, j)?;
                let ok = put(&mut f.hour, h) && put(&mut f.minute, m) && s.is_none_or(|s| put(&mut f.second, s));
                ok.then_some(k)?
            }
            Hour => {
                let (k, h) = hour(c, j)?;
                put(&mut f.hour, h).then_some(k)?
            }
            Minutes => {
                let (k, m, before) = minutes(c, j)?;
                f.before_hour = before;
                put(&mut f.minute, m).then_some(k)?
            }
            Word => (c.next(j) && c.kind(j) == TokenKind::Word).then_some(j + 1)?,
            Content => (c.next(j) && c.kind(j) == TokenKind::Word && c.word_cat(j, WordCat::Function).is_none()).then_some(j + 1)?,
        };
        Some((k, f))
    }
}

/// What can begin a category (see [`Cat::first`]).
#[derive(Clone, Debug, Default)]
pub struct First {
    pub number: bool,
    pub paren: bool,
    pub any_word: bool,
    pub words: Vec<String>,
}

/// Reads `inner` at `j`, or inside parentheses around it: `( 1948 )`.
fn in_parens<T>(c: &Cursor, j: usize, inner: impl Fn(usize) -> Option<(usize, T)>) -> Option<(usize, T)> {
    if c.punct(j, "(") {
        let (k, t) = inner(j + 1)?;
        return c.punct(k, ")").then_some((k + 1, t));
    }
    inner(j)
}

fn day(c: &Cursor, j: usize) -> Option<(usize, u8)> {
    if let Some(d) = c.digits(j, 2) {
        return (1..=31).contains(&d).then_some((j + 1, d as u8));
    }
    let (k, n) = ordinal(c, j).or_else(|| ordinal_x(c, j).filter(|&(_, n)| n == 1))?;
    (1..=31).contains(&n).then_some((k, n as u8))
}

/// A month name, and a second name of the same month after it: directly (تشرين الأول أكتوبر),
/// after a slash (مايو / أيار) or in parentheses (أكتوبر (تشرين الأول)).
fn month(c: &Cursor, j: usize, hijri: bool, alone: bool) -> Option<(usize, u8)> {
    let name = |j: usize| {
        c.phrase(j, |e| match e {
            Entry::Month { month, hijri: h, alone: a } if h == hijri => Some((month, a)),
            _ => None,
        })
    };
    let (k, (m, a)) = name(j)?;
    let same = |k: usize| name(k).filter(|&(_, (m2, _))| m2 == m).map(|(k2, _)| k2);
    let paired = same(k)
        .or_else(|| c.punct(k, "/").then(|| same(k + 1)).flatten())
        .or_else(|| c.punct(k, "(").then(|| same(k + 1).filter(|&k2| c.punct(k2, ")")).map(|k2| k2 + 1)).flatten());
    match paired {
        Some(k2) => Some((k2, m)),
        None if alone && !a => None,
        None => Some((k, m)),
    }
}

/// A number written in words: ثلاثة، خمسة عشر، خمس وأربعون، مئتين، ألف وتسعمائة وثمانية وسبعون,
/// its parts joined by و (standing alone or attached to the next word), each part of a smaller
/// scale than the one before.
pub fn number(c: &Cursor, j: usize) -> Option<(usize, u32)> {
    // A count after a definite plural takes the article too: السنوات الأربع.
    let definite;
    let c = if c.word(j).starts_with("ال") && c.strip.is_none() {
        definite = c.stripping(j, "ال".len());
        number_part(&definite, j).map(|_| &definite).unwrap_or(c)
    } else {
        c
    };
    let (mut k, mut total, mut scale) = number_part(c, j)?;
    while let Some((c2, at)) = conj_next(c, k) {
        match number_part(&c2, at) {
            Some((k2, v, s)) if s < scale => {
                total += v;
                k = k2;
                scale = s;
            }
            _ => break,
        }
    }
    Some((k, total))
}

/// The cursor and index to read the word after a و at `k`: the next token after a standalone و,
/// or token `k` itself without its attached و.
fn conj_next<'a>(c: &Cursor<'a>, k: usize) -> Option<(Cursor<'a>, usize)> {
    if !c.next(k) || c.kind(k) != TokenKind::Word {
        return None;
    }
    let w = c.word(k);
    if w == "و" {
        return c.joined(k + 1).then(|| (c.clone(), k + 1));
    }
    if w.starts_with('و') && w.len() > 2 {
        return Some((c.stripping(k, 'و'.len_utf8()), k));
    }
    None
}

/// Whether a number word begins at `j` (one look-up before the class by class reading).
fn is_number_word(c: &Cursor, j: usize) -> bool {
    c.phrases(j).any(|(_, e)| matches!(e, Entry::Number { .. }))
}

fn num_class(c: &Cursor, j: usize, class: NumClass) -> Option<(usize, u32)> {
    c.phrase(j, |e| match e {
        Entry::Number { value, class: cl } if cl == class => Some(value),
        _ => None,
    })
}

/// One part of a number in words, its value and its scale (1 below a hundred, 2 hundreds,
/// 3 thousands), so that the parts of a number come in falling order.
fn number_part(c: &Cursor, j: usize) -> Option<(usize, u32, u32)> {
    use NumClass::*;
    if let Some(n) = c.digits(j, 3) {
        return Some((j + 1, n, if n >= 100 { 2 } else { 1 }));
    }
    if !is_number_word(c, j) {
        return None;
    }
    if let Some((k, v)) = num_class(c, j, Thousand) {
        return Some((k, v, 3));
    }
    if let Some((k, v)) = num_class(c, j, Hundred) {
        return Some((k, v, 2));
    }
    let unit = num_class(c, j, Unit).or_else(|| num_class(c, j, UnitTeen));
    if let Some((k, u)) = unit {
        if let Some((k2, _)) = num_class(c, k, Teen) {
            return Some((k2, 10 + u, 1));
        }
        if let Some((k2, _)) = num_class(c, k, Thousands) {
            return Some((k2, u * 1000, 3));
        }
        // ثلاث مئة, written apart.
        if let Some((k2, _)) = num_class(c, k, Hundred).filter(|&(_, h)| h == 100) {
            return Some((k2, u * 100, 2));
        }
        if let Some((c2, at)) = conj_next(c, k) {
            if let Some((k2, t)) = num_class(&c2, at, Tens) {
                return Some((k2, u + t, 1));
            }
        }
        return num_class(c, j, Unit).map(|(k, u)| (k, u, 1));
    }
    if let Some((k, v)) = num_class(c, j, Ten).or_else(|| num_class(c, j, Tens)) {
        return Some((k, v, 1));
    }
    None
}

/// Whether token `i` continues the number before it, so that nothing may begin there: digits
/// after a decimal point or a thousands separator with no space (the 5 of 12.5، 2,000), or the
/// next word of a number in words (والثلاثين of الحادي والثلاثين، وعشرون of خمسة وعشرون).
pub fn continues_number(doc: &Doc, i: usize) -> bool {
    let glued = |a: usize| doc.tokens[a].end == doc.tokens[a + 1].start;
    match doc.tokens[i].kind {
        TokenKind::Number => {
            i >= 2
                && matches!(doc.tok(i - 1), "." | "," | "٫" | "٬")
                && doc.tokens[i - 2].kind == TokenKind::Number
                && glued(i - 2)
                && glued(i - 1)
        }
        TokenKind::Word if i > 0 && doc.tok(i).starts_with('و') => {
            let is_number = |p: &super::lexicon::Phrase| matches!(p.entry, Entry::Number { .. });
            if !LEXICON.starting(&doc.tok(i)['و'.len_utf8()..]).iter().any(is_number) {
                return false;
            }
            let c = Cursor::new(doc, i - 1, Cow::Borrowed(doc.tok(i - 1)));
            c.joined(i) && [number(&c, i - 1), ordinal(&c, i - 1)].into_iter().flatten().any(|(k, _)| k > i)
        }
        _ => false,
    }
}

/// A definite ordinal: السابع، الحادي عشر، الثاني والعشرين، العشرين.
fn ordinal(c: &Cursor, j: usize) -> Option<(usize, u32)> {
    use NumClass::*;
    if !is_number_word(c, j) {
        return None;
    }
    let unit = num_class(c, j, Ord).filter(|&(_, v)| v < 10).or_else(|| num_class(c, j, OrdUnit));
    if let Some((k, u)) = unit {
        if let Some((k2, _)) = num_class(c, k, Teen) {
            return Some((k2, 10 + u));
        }
        if let Some((c2, at)) = conj_next(c, k) {
            if let Some((k2, t)) = num_class(&c2, at, OrdTens) {
                return Some((k2, u + t));
            }
        }
        return num_class(c, j, Ord);
    }
    num_class(c, j, Ord).or_else(|| num_class(c, j, OrdTens))
}

fn ordinal_x(c: &Cursor, j: usize) -> Option<(usize, u32)> {
    num_class(c, j, NumClass::OrdX)
}

/// An hour: digits 0–24, an ordinal 1–12 (الثالثة، الحادية عشرة) or a cardinal 1–12 (ثلاثة).
fn hour(c: &Cursor, j: usize) -> Option<(usize, u8)> {
    if let Some(h) = c.digits(j, 2) {
        return (h <= 24).then_some((j + 1, h as u8));
    }
    let (k, h) = ordinal(c, j).or_else(|| number(c, j))?;
    (1..=12).contains(&h).then_some((k, h as u8))
}

/// Minutes after an hour, or before it (إلا): و 18 دقيقة، وثمانية عشر دقيقة، وربع، ونصف، وثلث،
/// إلا ربعا. Returns the index after them, the minutes and whether they count back.
fn minutes(c: &Cursor, j: usize) -> Option<(usize, u8, bool)> {
    let fraction = |c: &Cursor, j: usize| -> Option<(usize, u8)> {
        let m = match c.word(j) {
            "ربع" | "ربعا" => 15,
            "ثلث" | "ثلثا" => 20,
            "نصف" | "نص" => 30,
            _ => return None,
        };
        c.next(j).then_some((j + 1, m))
    };
    let counted = |c: &Cursor, j: usize| -> Option<(usize, u8)> {
        let (k, n) = c.digits(j, 2).map(|n| (j + 1, n)).or_else(|| number(c, j))?;
        let k = if c.next(k) && matches!(c.word(k), "دقيقه" | "دقائق" | "دقيقتين") { k + 1 } else { k };
        (n < 60).then_some((k, n as u8))
    };
    if c.next(j) && matches!(c.word(j), "الا" | "لا") {
        let (k, m) = fraction(c, j + 1).or_else(|| counted(c, j + 1))?;
        return Some((k, m, true));
    }
    let (c2, at) = conj_next(c, j)?;
    let (k, m) = fraction(&c2, at).or_else(|| counted(&c2, at))?;
    Some((k, m, false))
}

/// Counts of two or more units read together, each unit once, joined by و (alone or attached)
/// or a comma, or by a space where both parts are numbers: سنتين وثلاثة أشهر، 1 شهر و 21 يوما،
/// شهر و 2 سنة، 2 سنة 1 شهر 21 يوم. Decades and centuries stay out (عقد is also a contract, or
/// "held": ثلاث ساعات وعقد اجتماعا).
fn amount(c: &Cursor, j: usize) -> Option<(usize, Amount)> {
    let mut part = amount_part(c, j)?;
    let mut total = Amount::of(part.unit, part.count);
    let mut parts = 1;
    loop {
        let next = amount_next(c, part.end).or_else(|| amount_part(c, part.end).filter(|p| p.counted && part.counted));
        let Some(p) = next.filter(|p| total.add(p.unit, p.count)) else { break };
        (part, parts) = (p, parts + 1);
    }
    (parts >= 2).then_some((part.end, total))
}

/// A further part of an amount at `k` after و (alone or attached) or a comma.
fn amount_next(c: &Cursor, k: usize) -> Option<AmountPart> {
    if let Some((c2, at)) = conj_next(c, k) {
        return amount_part(&c2, at);
    }
    (c.punct(k, "،") || c.punct(k, ",")).then(|| amount_part(c, k + 1)).flatten()
}

/// One part of an amount.
#[derive(Clone, Copy)]
struct AmountPart {
    /// The index after it.
    end: usize,
    unit: Unit,
    count: u32,
    /// Its count is a number, not the unit's own singular or dual.
    counted: bool,
}

/// One part of an amount: a number and a unit (3 أشهر، 21 يوما), a dual (شهرين), or a singular
/// for one (سنة، شهر واحد); a unit of the calendar or the clock, not a decade or a century.
fn amount_part(c: &Cursor, j: usize) -> Option<AmountPart> {
    let unit_at = |k: usize, forms: &[u8]| {
        c.phrase(k, |e| match e {
            Entry::Unit { unit, number, definite: false } if forms.contains(&number) && !matches!(unit, Unit::Decade | Unit::Century) => {
                Some((unit, number))
            }
            _ => None,
        })
    };
    if let Some((k, n)) = c.digits(j, 9).map(|n| (j + 1, n)).or_else(|| number(c, j)) {
        let (end, (unit, _)) = unit_at(k, &[1, 0])?;
        return (n > 0).then_some(AmountPart { end, unit, count: n, counted: true });
    }
    let (k, (unit, number)) = unit_at(j, &[1, 2])?;
    let one = num_class(c, k, NumClass::Unit).filter(|&(_, v)| v == 1);
    Some(AmountPart { end: one.map_or(k, |(k2, _)| k2), unit, count: if number == 2 { 2 } else { 1 }, counted: false })
}

/// Hours, minutes and perhaps seconds.
type ClockTime = (u8, u8, Option<u8>);

/// A clock time: `H:MM` or `HH:MM:SS`, the minutes and seconds in two digits.
fn clock(c: &Cursor, j: usize) -> Option<(usize, ClockTime)> {
    let h = c.digits(j, 2).filter(|&h| h <= 24)?;
    let two = |k: usize| (c.punct(k, ":") && c.digits(k + 1, 2).is_some() && c.word(k + 1).len() == 2).then(|| c.word(k + 1).parse::<u8>().ok()).flatten();
    let m = two(j + 1).filter(|&m| m < 60)?;
    match two(j + 3).filter(|&s| s < 60) {
        Some(s) => Some((j + 5, (h as u8, m, Some(s)))),
        None => Some((j + 3, (h as u8, m, None))),
    }
}

/// The year, month and day a numeric date writes.
type NumericDate = (Option<i32>, u8, Option<u8>);

/// A numeric date: its parts and their separators (`/`, `-` or `.`, the same one throughout).
/// Three parts: year first (2024/3/15) or last (15/3/2024, two-digit years too), the day before
/// the month as Arabic writes them unless only the other order is a real date (9-18-15).
fn numeric_date(c: &Cursor, j: usize, cat: Cat) -> Option<(usize, NumericDate)> {
    let first = c.digits(j, 4)?;
    let first_len = c.word(j).len();
    let sep = c.word(j + 1).to_string();
    if !(c.next(j + 1) && c.kind(j + 1) == TokenKind::Punct && matches!(sep.as_str(), "/" | "-" | ".")) {
        return None;
    }
    let second = c.digits(j + 2, 4)?;
    let second_len = c.word(j + 2).len();
    let third = (c.punct(j + 3, &sep)).then(|| c.digits(j + 4, 4).map(|n| (n, c.word(j + 4).len()))).flatten();
    // Numbers running on after the date (1.2.3.4, 15/3/2024/5) are something else.
    let end = if third.is_some() { j + 5 } else { j + 3 };
    if c.next(end) && c.kind(end) == TokenKind::Punct && c.word(end) == sep && c.digits(end + 1, 9).is_some() {
        return None;
    }
    let dm = |d: u32, m: u32| (1..=31).contains(&d) && (1..=12).contains(&m);
    match (cat, third) {
        (Cat::NumDate, Some((third, third_len))) => {
            if first_len == 4 && second_len <= 2 && third_len <= 2 && dm(third, second) {
                return Some((end, (Some(first as i32), second as u8, Some(third as u8))));
            }
            if first_len > 2 || second_len > 2 || !(third_len == 4 || third_len == 2) {
                return None;
            }
            let year = match third_len {
                4 => third as i32,
                _ if third < 50 => 2000 + third as i32,
                _ => 1900 + third as i32,
            };
            if dm(first, second) {
                Some((end, (Some(year), second as u8, Some(first as u8))))
            } else if dm(second, first) {
                Some((end, (Some(year), first as u8, Some(second as u8))))
            } else {
                None
            }
        }
        (Cat::NumDayMonth | Cat::NumDayMonthDot, None) if first_len <= 2 && second_len <= 2 && (sep == ".") == (cat == Cat::NumDayMonthDot) => {
            if dm(first, second) {
                Some((end, (None, second as u8, Some(first as u8))))
            } else if dm(second, first) {
                Some((end, (None, first as u8, Some(second as u8))))
            } else {
                None
            }
        }
        (Cat::NumMonthYear, None) if first_len <= 2 && second_len == 4 && sep == "/" => {
            ((1..=12).contains(&first) && (1000..=2999).contains(&second)).then_some((end, (Some(second as i32), first as u8, None)))
        }
        _ => None,
    }
}

/// Four digits that read as a year where they stand (1800–2100). Not after a word that makes
/// them a label or a quantity (رقم، القرار، نحو; `LABEL` in `data/timex/words.tsv`), not after
/// أكثر من, not before a counted noun, a unit or a percent sign (2000 جندي، 1500 عام، 2000%),
/// not a count of a definite plural (2000 من الجنود), not inside a longer number (2,000).
/// In parentheses, 1000–2999 are a year: (1948), the parentheses outside the span.
fn bare_year(c: &Cursor, j: usize) -> Option<(usize, u32)> {
    let four = |lo: u32, hi: u32| c.digits(j, 4).filter(|y| (lo..=hi).contains(y) && c.word(j).len() == 4);
    let doc = c.doc;
    let parens = j > 0 && doc.tok(j - 1) == "(" && j + 1 < c.tokens() && doc.tok(j + 1) == ")";
    if parens {
        return four(1000, 2999).map(|y| (j + 1, y));
    }
    let y = four(1800, 2100)?;
    let is_label = |i: usize| {
        let t = &doc.tokens[i];
        t.proclitics(doc.text()).any(|r| {
            LEXICON.starting(&r.stem(t, doc.text())).iter().any(|p| matches!(p.entry, Entry::Word { cat: WordCat::Label, .. }))
        })
    };
    if j > 0 {
        let prev = doc.tok(j - 1);
        let in_number = j > 1 && matches!(prev, "," | "." | "٫" | "٬") && doc.tokens[j - 2].kind == TokenKind::Number && c.joined(j) && c.joined(j - 1);
        if in_number || prev == "$" || is_label(j - 1) || (j > 1 && prev == "من" && is_label(j - 2)) {
            return None;
        }
    }
    let k = j + 1;
    if c.joined(k) {
        let w = c.word(k);
        let in_number = c.kind(k) == TokenKind::Punct && matches!(w, "," | "." | "٫" | "٬") && c.digits(k + 1, 9).is_some();
        let counted = c.phrases(k).any(|(_, e)| matches!(e, Entry::Unit { .. } | Entry::Word { cat: WordCat::Counted, .. }));
        let of_plural = w == "من" && c.joined(k + 1) && c.word(k + 1).starts_with("ال") && c.phrases(k + 1).next().is_none();
        if in_number || matches!(w, "%" | "٪") || counted || of_plural {
            return None;
        }
    }
    Some((k, y))
}
