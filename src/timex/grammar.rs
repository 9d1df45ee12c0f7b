//! The time grammar: rules written in `data/timex/grammar.txt`, read once, matched over tokens.
//!
//! A rule is a named block:
//!
//! ```text
//! [day-month-year]
//! kind: date
//! tags: date, day
//! pattern: DAY من? شهر? MONTH [،? من? $yearword? YEAR]?
//! set: unit=M offset=0
//! why: a day of the month, the month's name and perhaps the year
//! example: وفي [24 فبراير 2022] بدأت => 2022-02-24
//! ```
//!
//! A pattern is a sequence of items, separated by spaces, each matching one or more tokens:
//!
//! - a word, written as news writes it (it is normalized when read): `من`, `الساعة`;
//!   punctuation stands for itself: `/`, `(`, `،`;
//! - a category in capitals (`DAY`, `MONTH`, `NUM`, …; see [`super::cats::Cat`]), which reads
//!   the tables of `data/timex/*.tsv` and fills the fields of the value;
//! - `@tag`: any rule above that carries the tag (a rule's name is one of its tags), so that
//!   shapes compose: `يوم? WEEKDAY ،? @date`;
//! - `$name`: the alternatives a `define $name = a|b|c` line gave;
//! - alternatives `a|b|C`, an optional item `x?`, an optional group `[ … ]?` (or `[ … ]`);
//! - `و+x`, `ب+x`: x after a proclitic letter (و ف ب ل ك) attached to its word, or و standing
//!   alone;
//! - zero-width checks: `<x` the word before the expression is x (it stays outside the span:
//!   `<في المستقبل`; inside a composed rule, the word before the part), `!x` the next word is
//!   not x (or the expression ends the text or its line), `&x` the next word is x. A run
//!   `<x <y` reads further back, y the nearest word; at the start of an expression a proclitic
//!   letter of its first word counts as the nearest word (`<ل` holds for للثاني). The words
//!   before are read only once the rest of the pattern has matched. `![ … ]` and `&[ … ]` check
//!   a sequence ahead (`![. MONTH]`: not a dot and a month's name).
//!
//! The first word of an expression may carry proclitics (وفي، بالأمس، للعام): they stay outside
//! the span. Tokens inside an expression follow each other across plain spaces only.
//!
//! `kind` is `date`, `duration`, `relative` or `none` (a blocker: the words it matches are never
//! part of a time expression, such as اليوم العالمي). `set` gives fields their default values
//! (`unit=Y|M|W|D|H|MIN|DE|CE`, `offset=N`, `sign=N`, `days=N`, `part=MO|…`, `vague=PAST_REF|…`,
//! `event=yes` for a day counted from an event the text names), which the words override. Each `example` is a test: the text with the expression in brackets
//! and the value it must get against the `reference` date of the file (`=> -`: nothing found;
//! `example-nodate:` resolves without a reference date).
//!
//! At each token the longest match of any rule wins; of equally long ones, the rule written first.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::ops::Range;

use crate::date::Date;
use crate::fxhash::FxHashMap;
use crate::normalize::normalize_str;
use crate::span::Kind;

use super::cats::{Cat, Cursor, First};
use super::lexicon::{Part, Unit, Vague};
use super::value::{put, Count, Frame};

/// What a rule makes of what it matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    Span(Kind),
    /// A blocker: what it matches is not a time expression.
    None,
}

/// A default value a rule gives a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Set {
    Unit(Unit),
    Offset(i32),
    Sign(i32),
    Days(i32),
    Count(u32),
    Part(Part),
    Vague(Vague),
    /// `event=yes`: the expression counts from an event the text names, not from the article.
    Event,
}

impl Set {
    fn parse(s: &str) -> Option<Set> {
        let (k, v) = s.split_once('=')?;
        let int = || v.parse::<i32>().ok();
        Some(match k {
            "unit" => Set::Unit(Unit::parse(v)?),
            "offset" => Set::Offset(int()?),
            "sign" => Set::Sign(int()?),
            "days" => Set::Days(int()?),
            "count" => Set::Count(int()?.try_into().ok()?),
            "part" => Set::Part(Part::parse(v)?),
            "vague" => Set::Vague(Vague::parse(v)?),
            "event" if v == "yes" => Set::Event,
            _ => return None,
        })
    }

    /// Fills the field if the words left it empty.
    fn apply(self, f: &mut Frame) {
        match self {
            Set::Unit(u) => drop(put(&mut f.unit, u)),
            Set::Offset(n) => drop(put(&mut f.offset, n)),
            Set::Sign(n) => drop(put(&mut f.sign, n)),
            Set::Days(n) => drop(put(&mut f.days, n)),
            Set::Count(n) => drop(put(&mut f.count, Count::N(n))),
            Set::Part(p) => drop(put(&mut f.part, p)),
            Set::Vague(v) => drop(put(&mut f.vague, v)),
            Set::Event => f.event = true,
        }
    }
}

/// One alternative of a pattern item.
#[derive(Clone, Debug)]
pub enum Elem {
    Word(String),
    Cat(Cat),
    /// The rules carrying a tag, by index.
    Tag(Vec<usize>),
    Group(Vec<Item>),
    /// `و+x`, `ب+x`: x after a proclitic letter (و ف ب ل ك), attached to its word or (و) standing
    /// alone.
    Conj(char, Box<Elem>),
}

/// Where an item looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    /// It reads tokens.
    Here,
    /// `<x`: the token before the expression.
    Behind,
    /// `!x`: the next token must not be x.
    NotAhead,
    /// `&x`: the next token must be x.
    Ahead,
}

#[derive(Clone, Debug)]
pub struct Item {
    pub alts: Vec<Elem>,
    pub optional: bool,
    pub look: Look,
}

/// An example of a rule: the text (without brackets), the expected span's byte range in it and
/// value (`None`: nothing is found), and whether it resolves against the file's reference date.
#[derive(Clone, Debug)]
pub struct Example {
    pub text: String,
    pub expected: Option<(std::ops::Range<usize>, String)>,
    pub dated: bool,
    pub line: usize,
}

#[derive(Clone, Debug)]
pub struct Rule {
    pub name: String,
    pub kind: RuleKind,
    pub tags: Vec<String>,
    pub items: Vec<Item>,
    pub sets: Vec<Set>,
    pub why: String,
    pub examples: Vec<Example>,
}

/// A grammar line that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrammarError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for GrammarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "data/timex/grammar.txt line {}: {}", self.line, self.message)
    }
}

/// The rules, and an index of them by what their first token can be.
#[derive(Debug)]
pub struct Grammar {
    pub rules: Vec<Rule>,
    /// The date the examples resolve against.
    pub reference: Option<Date>,
    by_word: FxHashMap<String, Vec<usize>>,
    by_number: Vec<usize>,
    by_any_word: Vec<usize>,
    /// What each rule's first token can be, to skip the rules of a tag that cannot start at a
    /// token.
    firsts: Vec<Starts>,
}

/// A rule's first-token set, for membership tests.
#[derive(Debug, Default)]
struct Starts {
    number: bool,
    any_word: bool,
    words: crate::fxhash::FxHashSet<String>,
}

/// The matches of rules from the start of one cursor (each end index and frame, before the
/// rule's sets), found once there and read again by the tags that name those rules. Only the
/// matches from the start with an empty frame are kept: they depend on the cursor alone.
#[derive(Debug, Default)]
pub struct Memo {
    /// A number for each cursor the memo served; a rule's entry of another is stale.
    generation: Cell<u32>,
    /// By rule: the generation of its entry and its matches' range in `found`.
    rules: RefCell<Vec<(u32, u32, u32)>>,
    found: RefCell<Vec<(usize, Frame)>>,
}

impl Memo {
    /// Forgets every rule's matches (for a new cursor).
    pub fn clear(&self) {
        let generation = self.generation.get().wrapping_add(1);
        if generation == 0 {
            // Numbered all over again: no entry may pass for the new cursor's.
            self.rules.borrow_mut().clear();
        }
        self.generation.set(generation.max(1));
        self.found.borrow_mut().clear();
    }

    /// Where the matches of rule `id` are in `found`, if the rule was matched.
    fn get(&self, id: usize) -> Option<Range<usize>> {
        let rules = self.rules.borrow();
        rules.get(id).filter(|r| r.0 == self.generation.get()).map(|&(_, a, b)| a as usize..b as usize)
    }

    /// Keeps the matches of rule `id`; returns where they are.
    fn put(&self, id: usize, matches: &[(usize, Frame)]) -> Range<usize> {
        let mut found = self.found.borrow_mut();
        let a = found.len();
        found.extend_from_slice(matches);
        let mut rules = self.rules.borrow_mut();
        if rules.len() <= id {
            rules.resize(id + 1, (0, 0, 0));
        }
        rules[id] = (self.generation.get(), a as u32, found.len() as u32);
        a..found.len()
    }
}

/// A match of a rule: the token index after it and what it said.
#[derive(Clone, Copy, Debug)]
pub struct Match {
    pub rule: usize,
    pub end: usize,
    pub frame: Frame,
}

impl Grammar {
    pub fn parse(src: &str) -> Result<Grammar, GrammarError> {
        let mut defines: FxHashMap<String, String> = FxHashMap::default();
        let mut rules: Vec<Rule> = Vec::new();
        let mut reference = None;
        for (n, raw) in src.lines().enumerate() {
            let line_no = n + 1;
            let err = |message: String| GrammarError { line: line_no, message };
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                if rules.iter().any(|r| r.name == name) {
                    return Err(err(format!("rule [{name}] is defined twice")));
                }
                rules.push(Rule {
                    name: name.to_string(),
                    kind: RuleKind::None,
                    tags: vec![name.to_string()],
                    items: Vec::new(),
                    sets: Vec::new(),
                    why: String::new(),
                    examples: Vec::new(),
                });
                continue;
            }
            if let Some(def) = line.strip_prefix("define ") {
                let (name, alts) = def.split_once('=').ok_or_else(|| err("define $name = a|b".into()))?;
                defines.insert(name.trim().to_string(), alts.trim().to_string());
                continue;
            }
            if let Some(date) = line.strip_prefix("reference ") {
                reference = Some(date.parse().map_err(|e| err(format!("{e}")))?);
                continue;
            }
            let (key, value) = line.split_once(':').ok_or_else(|| err(format!("expected key: value, found {line:?}")))?;
            let (key, value) = (key.trim(), value.trim());
            let Some((rule, earlier)) = rules.split_last_mut() else {
                return Err(err(format!("{key}: before any [rule]")));
            };
            match key {
                "kind" => {
                    rule.kind = match value {
                        "date" => RuleKind::Span(Kind::Date),
                        "duration" => RuleKind::Span(Kind::Duration),
                        "relative" => RuleKind::Span(Kind::Relative),
                        "none" => RuleKind::None,
                        _ => return Err(err(format!("unknown kind {value:?}"))),
                    }
                }
                "tags" => rule.tags.extend(value.split(',').map(|t| t.trim().to_string()).filter(|t| !t.is_empty())),
                "pattern" => rule.items = parse_pattern(value, &defines, earlier).map_err(err)?,
                "set" => {
                    for s in value.split_whitespace() {
                        rule.sets.push(Set::parse(s).ok_or_else(|| err(format!("cannot read set {s:?}")))?);
                    }
                }
                "why" => rule.why = value.to_string(),
                "example" | "example-nodate" => rule.examples.push(parse_example(value, key == "example", line_no).map_err(err)?),
                _ => return Err(err(format!("unknown key {key:?}"))),
            }
        }
        for r in &rules {
            if r.items.is_empty() || r.why.is_empty() {
                return Err(GrammarError { line: 0, message: format!("rule [{}] needs a pattern and a why", r.name) });
            }
        }
        let mut g = Grammar {
            rules,
            reference,
            by_word: FxHashMap::default(),
            by_number: Vec::new(),
            by_any_word: Vec::new(),
            firsts: Vec::new(),
        };
        g.index();
        Ok(g)
    }

    /// Indexes every rule by what its first token can be.
    fn index(&mut self) {
        for id in 0..self.rules.len() {
            let first = first_of(&self.rules, &self.rules[id].items);
            if first.number {
                self.by_number.push(id);
            }
            if first.any_word {
                self.by_any_word.push(id);
            }
            let mut words = first.words;
            if first.paren {
                words.push("(".to_string());
            }
            words.sort();
            words.dedup();
            for w in &words {
                self.by_word.entry(w.clone()).or_default().push(id);
            }
            self.firsts.push(Starts { number: first.number, any_word: first.any_word, words: words.into_iter().collect() });
        }
    }

    /// Whether rule `id` can begin at token `j`.
    fn could_start(&self, id: usize, c: &Cursor, j: usize) -> bool {
        let s = &self.firsts[id];
        match c.kind(j) {
            crate::tokenize::TokenKind::Number => s.number,
            _ => s.any_word || s.words.contains(c.word(j)),
        }
    }

    /// The rules that may match with `word` (a stem, or punctuation) as the first token.
    pub fn candidates_word<'g>(&'g self, word: &str) -> impl Iterator<Item = usize> + 'g {
        let listed = self.by_word.get(word).map_or(&[][..], Vec::as_slice);
        listed.iter().chain(self.by_any_word.iter()).copied()
    }

    pub fn candidates_number(&self) -> &[usize] {
        &self.by_number
    }

    /// The longest match of rule `id` from the cursor's start, if any.
    pub fn match_rule(&self, id: usize, c: &Cursor) -> Option<Match> {
        let rule = &self.rules[id];
        let mut best: Option<Match> = None;
        self.at_start(id, c, &mut |end, mut frame| {
            for s in &rule.sets {
                s.apply(&mut frame);
            }
            if best.is_none_or(|b| end > b.end) {
                best = Some(Match { rule: id, end, frame });
            }
        });
        best
    }

    /// Matches the items of rule `id` from the cursor's start with an empty frame (its sets not
    /// applied), calling `k` with every end index and frame reached: from the cursor's memo when
    /// the rule was matched there before (the rules tried at a token are tried again through
    /// the tags of the rules after them: `@day PARTADV`, `@day ،? في? @time`).
    fn at_start(&self, id: usize, c: &Cursor, k: &mut dyn FnMut(usize, Frame)) {
        let Some(memo) = c.memo else {
            return self.seq(&self.rules[id].items, c, c.start, Frame::default(), k);
        };
        let found = match memo.get(id) {
            Some(found) => found,
            None => {
                let mut found = Vec::new();
                self.seq(&self.rules[id].items, c, c.start, Frame::default(), &mut |end, frame| found.push((end, frame)));
                memo.put(id, &found)
            }
        };
        for i in found {
            let (end, frame) = memo.found.borrow()[i];
            k(end, frame);
        }
    }

    /// Matches `items` from token `j`, calling `k` with every end index and frame reached.
    fn seq(&self, items: &[Item], c: &Cursor, j: usize, f: Frame, k: &mut dyn FnMut(usize, Frame)) {
        let Some((item, rest)) = items.split_first() else {
            k(j, f);
            return;
        };
        if item.look == Look::Behind {
            let n = items.iter().take_while(|it| it.look == Look::Behind).count();
            let (run, rest) = items.split_at(n);
            let lead = if j == c.start { c.lead.chars().last() } else { None };
            // The words before are read once, and only when what follows matches (most tries
            // fail there first).
            let mut before: Option<bool> = None;
            self.seq(rest, c, j, f, &mut |e, f2| {
                if *before.get_or_insert_with(|| self.behind(run, c, j, lead)) {
                    k(e, f2)
                }
            });
            return;
        }
        if item.optional {
            self.seq(rest, c, j, f, k);
        }
        match item.look {
            Look::Behind => unreachable!("a run of look-behinds is read above"),
            Look::NotAhead | Look::Ahead => {
                let there = j < c.tokens() && (j == c.start || c.joined(j));
                let ok = there && self.any_at(item, c, j) == (item.look == Look::Ahead) || !there && item.look == Look::NotAhead;
                if ok {
                    self.seq(rest, c, j, f, k);
                }
            }
            Look::Here => {
                for alt in &item.alts {
                    self.elem(alt, c, j, f, &mut |j2, f2| self.seq(rest, c, j2, f2, k));
                }
            }
        }
    }

    /// Whether the words before token `j` are what a run of `<x` items asks, its last item the
    /// nearest word. At the start of an expression that nearest word may be `lead`, the
    /// proclitic letter attached to the expression's first word (the ل of للثاني); the others
    /// are the tokens before, each followed by plain spaces only, read as they stand or without
    /// their proclitics (وفي → في).
    fn behind(&self, run: &[Item], c: &Cursor, j: usize, lead: Option<char>) -> bool {
        let Some((item, farther)) = run.split_last() else {
            return true;
        };
        if item.optional && self.behind(farther, c, j, lead) {
            return true;
        }
        let is_lead = |e: &Elem| matches!((e, lead), (Elem::Word(w), Some(p)) if w.chars().eq(std::iter::once(p)));
        if item.alts.iter().any(is_lead) && self.behind(farther, c, j, None) {
            return true;
        }
        if j == 0 || !c.joined(j) {
            return false;
        }
        let (i, doc) = (j - 1, c.doc);
        let t = &doc.tokens[i];
        let here = if i < c.start {
            t.proclitics(doc.text()).any(|r| self.any_at(item, &Cursor::new(doc, i, r.stem(t, doc.text())), i))
        } else {
            self.any_at(item, &Cursor::new(doc, i, std::borrow::Cow::Borrowed(c.word(i))), i)
        };
        here && self.behind(farther, c, i, None)
    }

    /// Whether any alternative of `item` matches at `j` (for the zero-width checks).
    fn any_at(&self, item: &Item, c: &Cursor, j: usize) -> bool {
        let mut found = false;
        for alt in &item.alts {
            self.elem(alt, c, j, Frame::default(), &mut |_, _| found = true);
        }
        found
    }

    fn elem(&self, e: &Elem, c: &Cursor, j: usize, f: Frame, k: &mut dyn FnMut(usize, Frame)) {
        if j >= c.tokens() || (j > c.start && !c.joined(j)) {
            return;
        }
        match e {
            Elem::Word(w) => {
                if c.word(j) == w {
                    k(j + 1, f);
                }
            }
            Elem::Cat(cat) => {
                if let Some((j2, f2)) = cat.read(c, j, f) {
                    k(j2, f2);
                }
            }
            Elem::Tag(ids) => {
                // A tag that begins the expression reads what its rules match from the start.
                let from_start = j == c.start && f == Frame::default();
                for &id in ids.iter().filter(|&&id| self.could_start(id, c, j)) {
                    let rule = &self.rules[id];
                    let then = &mut |j2, mut f2| {
                        for s in &rule.sets {
                            s.apply(&mut f2);
                        }
                        k(j2, f2)
                    };
                    if from_start {
                        self.at_start(id, c, then);
                    } else {
                        self.seq(&rule.items, c, j, f, then);
                    }
                }
            }
            Elem::Group(items) => self.seq(items, c, j, f, k),
            Elem::Conj(p, inner) => {
                let w = c.word(j);
                if w.len() == p.len_utf8() && w.starts_with(*p) {
                    self.elem(inner, c, j + 1, f, k);
                } else if w.starts_with(*p) && w.len() > 2 * p.len_utf8() {
                    self.elem(inner, &c.stripping(j, p.len_utf8()), j, f, k);
                }
            }
        }
    }
}

/// What the first token of a match of `items` can be.
fn first_of(rules: &[Rule], items: &[Item]) -> First {
    let mut out = First::default();
    for item in items {
        if item.look != Look::Here {
            continue;
        }
        for alt in &item.alts {
            let f = match alt {
                Elem::Word(w) => First { words: vec![w.clone()], ..First::default() },
                Elem::Cat(c) => c.first(),
                Elem::Tag(ids) => {
                    let mut f = First::default();
                    for &id in ids {
                        merge(&mut f, first_of(rules, &rules[id].items));
                    }
                    f
                }
                Elem::Group(sub) => first_of(rules, sub),
                Elem::Conj(..) => First { any_word: true, ..First::default() },
            };
            merge(&mut out, f);
        }
        if !item.optional {
            return out;
        }
    }
    out
}

fn merge(a: &mut First, b: First) {
    a.number |= b.number;
    a.paren |= b.paren;
    a.any_word |= b.any_word;
    a.words.extend(b.words);
}

/// Reads a pattern into items.
fn parse_pattern(src: &str, defines: &FxHashMap<String, String>, rules: &[Rule]) -> Result<Vec<Item>, String> {
    let spaced = src.replace('[', " [ ").replace(']', " ] ");
    let mut toks = spaced.split_whitespace().peekable();
    // Open groups, each with the look its bracket had (`![ … ]`: the words ahead are not these).
    let mut stack: Vec<(Vec<Item>, Look)> = vec![(Vec::new(), Look::Here)];
    while let Some(tok) = toks.next() {
        match tok {
            "!" | "&" if toks.peek() == Some(&"[") => {
                toks.next();
                stack.push((Vec::new(), if tok == "!" { Look::NotAhead } else { Look::Ahead }));
            }
            "[" => stack.push((Vec::new(), Look::Here)),
            "]" => {
                let (items, look) = stack.pop().filter(|_| !stack.is_empty()).ok_or("a ] without its [")?;
                let optional = toks.peek() == Some(&"?");
                if optional {
                    toks.next();
                }
                stack.last_mut().unwrap().0.push(Item { alts: vec![Elem::Group(items)], optional, look });
            }
            _ => {
                let item = parse_item(tok, defines, rules)?;
                stack.last_mut().unwrap().0.push(item);
            }
        }
    }
    if stack.len() != 1 {
        return Err("a [ without its ]".into());
    }
    Ok(stack.pop().unwrap().0)
}

fn parse_item(tok: &str, defines: &FxHashMap<String, String>, rules: &[Rule]) -> Result<Item, String> {
    let mut t = tok;
    let look = if let Some(r) = t.strip_prefix('<') {
        t = r;
        Look::Behind
    } else if let Some(r) = t.strip_prefix('!') {
        t = r;
        Look::NotAhead
    } else if let Some(r) = t.strip_prefix('&') {
        t = r;
        Look::Ahead
    } else {
        Look::Here
    };
    let optional = t.len() > 1 && t.ends_with('?');
    if optional {
        t = &t[..t.len() - 1];
    }
    let mut alts = Vec::new();
    for a in t.split('|') {
        let (conj, a) = match a.chars().next() {
            Some(p) if "وفبلك".contains(p) && a[p.len_utf8()..].starts_with('+') => (Some(p), &a[p.len_utf8() + 1..]),
            _ => (None, a),
        };
        let at = alts.len();
        if let Some(name) = a.strip_prefix('$') {
            let def = defines.get(&format!("${name}")).ok_or_else(|| format!("unknown ${name}"))?;
            for w in def.split('|') {
                alts.push(word_or_cat(w.trim())?);
            }
        } else if let Some(tag) = a.strip_prefix('@') {
            let ids: Vec<usize> = (0..rules.len()).filter(|&i| rules[i].tags.iter().any(|t| t == tag)).collect();
            if ids.is_empty() {
                return Err(format!("no rule above carries the tag @{tag}"));
            }
            alts.push(Elem::Tag(ids));
        } else {
            alts.push(word_or_cat(a)?);
        }
        if let Some(p) = conj {
            for e in &mut alts[at..] {
                *e = Elem::Conj(p, Box::new(e.clone()));
            }
        }
    }
    if alts.is_empty() {
        return Err(format!("empty item {tok:?}"));
    }
    Ok(Item { alts, optional, look })
}

fn word_or_cat(a: &str) -> Result<Elem, String> {
    if a.is_empty() {
        return Err("an empty alternative".into());
    }
    if a.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
        return Cat::parse(a).map(Elem::Cat).ok_or_else(|| format!("unknown category {a}"));
    }
    Ok(Elem::Word(normalize_str(a)))
}

/// Reads `text with [the expression] in it => value` (or `=> -`).
fn parse_example(src: &str, dated: bool, line: usize) -> Result<Example, String> {
    let (text, value) = src.rsplit_once("=>").ok_or("an example needs => value")?;
    let (text, value) = (text.trim(), value.trim());
    if value == "-" {
        return Ok(Example { text: text.replace(['[', ']'], ""), expected: None, dated, line });
    }
    let open = text.find('[').ok_or("an example needs its expression in [brackets]")?;
    let close = text.find(']').filter(|&c| c > open).ok_or("an example needs its expression in [brackets]")?;
    let plain = format!("{}{}{}", &text[..open], &text[open + 1..close], &text[close + 1..]);
    Ok(Example { text: plain, expected: Some((open..close - 1, value.to_string())), dated, line })
}
