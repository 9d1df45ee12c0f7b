//! Titles and the people named after them.
//!
//! A title chain is one or more titles (see `data/lexicon/rules/titles.tsv`: offices, honorifics,
//! occupations) with what qualifies an office after it: a minister's portfolio (وزير
//! **الخارجية**), an adjective of nationality (**الأمريكي**), a modifier (**المنتخب**), the body
//! the office belongs to (الأمين العام **لحلف شمال الأطلسي**، المتحدث **باسم وزارة الخارجية**), or a
//! word for that body (الأمين العام **للحلف**). A person's name after the chain is a person,
//! whether the lexicon knows it or not (الرئيس **بايدن**، وزير الخارجية الإسباني **خوسيه ألباريس**،
//! الأمين العام «**مارك روته**»); the title is not part of the name. The part of a chain made of an
//! office and its qualifiers is a role descriptor (see [`super::roles`]).

use std::ops::Range;

use crate::span::Kind;
use crate::tokenize::Reading;

use super::cues::CueKind;
use super::heads;
use super::persons::name_run;
use super::roles::{Affiliation, RoleKey};
use super::scan::{Candidate, Ctx, Tier, Why, BARE};

/// The most words of a chain after its first title.
const MAX_CHAIN: usize = 10;
/// The most name words after a title.
const MAX_NAME: usize = 4;

const TITLES: &[CueKind] = &[CueKind::Office, CueKind::Honorific, CueKind::Occupation];

/// A run of titles and the qualifiers of its office.
#[derive(Clone, Debug)]
pub struct Chain<'d> {
    /// Token range of the whole chain, the first token read after `first`'s proclitics.
    pub start: usize,
    pub end: usize,
    pub first: Reading,
    /// One past the role descriptor's last token (`start` when the chain holds no office).
    pub role_end: usize,
    /// The office and its qualifiers, when the chain holds an office.
    pub key: Option<RoleKey>,
    /// The first title's canonical form, for explanations.
    pub title: &'d str,
    /// The token where the name of the person after the chain starts.
    pub holder: Option<usize>,
    /// The words of titles, portfolios, nisbas and modifiers (not the bodies named in the chain).
    pub titles: Vec<Range<usize>>,
    /// The chain ends in باسم before another title: the name after that is not its holder's.
    pub for_someone: bool,
}

/// Finds title chains left to right and proposes the people named after them.
pub fn chains<'d>(ctx: &Ctx<'d, '_>, out: &mut Vec<Candidate<'d>>) -> Vec<Chain<'d>> {
    let mut chains = Vec::new();
    let mut i = 0;
    while i < ctx.len() {
        match chain_at(ctx, i) {
            Some(mut c) => {
                counterpart(ctx, &mut c, &chains);
                if let Some((holder, cand)) = person_after(ctx, &c).filter(|_| !c.for_someone) {
                    c.holder = Some(holder);
                    out.extend(cand);
                }
                i = c.end.max(i + 1);
                chains.push(c);
            }
            None => i += 1,
        }
    }
    chains
}

/// How far back (in tokens) a counterpart looks for the office it shares.
const COUNTERPART_REACH: usize = 40;

/// A counterpart (نظيره، نظيرته، نظيرها) with an adjective of nationality holds the office of
/// the nearest chain before it that names its holder, in another country: وزير الخارجية اللبناني
/// … مع نظيره الأردني أيمن الصفدي (Safadi is Jordan's foreign minister). The counterpart and its
/// nationality become the chain's role.
fn counterpart<'d>(ctx: &Ctx<'d, '_>, c: &mut Chain<'d>, before: &[Chain<'d>]) {
    if c.key.is_some() || c.title != "نظيره" {
        return;
    }
    let Some(nisba) = ctx.bare_cue(c.start + 1, &[CueKind::Nisba]).filter(|n| n.end <= c.end) else { return };
    let Some(shared) = before.iter().rev().take_while(|s| s.start + COUNTERPART_REACH > c.start).find(|s| s.holder.is_some() && s.key.is_some()) else { return };
    let office = shared.key.as_ref().map(|k| k.office.clone());
    c.key = office.map(|office| RoleKey { office, affiliation: Some(Affiliation::normalized(nisba.cue.norm.clone())), modifier: None });
    c.role_end = nisba.end;
}

/// The title chain starting at token `i`.
pub fn chain_at<'d>(ctx: &Ctx<'d, '_>, i: usize) -> Option<Chain<'d>> {
    if !ctx.is_word(i) {
        return None;
    }
    let t = ctx.cue(i, TITLES)?;
    // A title without the article (رئيس، وزير، أمين، سمو، معالي) is in construct state: it
    // needs a complement (another title, a portfolio, a body, a nisba), or it is a first name
    // (أمين معلوف، سلطان بن عبد العزيز).
    let bound = t.cue.kind != CueKind::Occupation
        && !(i..t.end).any(|j| ctx.tok(j)[if j == i { t.first.prefix } else { 0 }..].starts_with("ال") || j == i && t.first.merged_article);
    let mut complemented = false;
    let mut office = (t.cue.kind == CueKind::Office).then(|| t.cue.value.clone());
    let mut role_end = if office.is_some() { t.end } else { i };
    let (mut affiliation, mut modifier) = (None, None);
    // Once a form of address follows the office, the role is complete (وزير الخارجية السعودي الأمير …).
    let mut frozen = false;
    let mut titles = Vec::new();
    titles.push(i..t.end);
    let mut k = t.end;
    // After باسم comes whom the office speaks for: a title there starts that person's own chain
    // (المتحدث باسم الرئيس بوتين: Putin is the president, the spokesman is unnamed).
    let mut for_someone = false;
    while k < ctx.len() && k - i < MAX_CHAIN && ctx.joined(k - 1) {
        if ctx.tok(k - 1) == "باسم" && ctx.bare_cue(k, TITLES).is_some() {
            for_someone = true;
            break;
        }
        if let Some(c) = ctx.bare_cue(k, TITLES) {
            complemented = true;
            if c.cue.kind == CueKind::Office && !frozen {
                office = Some(match office {
                    Some(o) => format!("{o} {}", c.cue.value),
                    None => c.cue.value.clone(),
                });
                role_end = c.end;
            } else {
                frozen |= office.is_some();
            }
            titles.push(k..c.end);
            k = c.end;
            continue;
        }
        // السناتور الجمهوري، اللاعب الدولي: part of the title, not of the role or the name.
        if let Some(c) = ctx.bare_cue(k, &[CueKind::Epithet]) {
            titles.push(k..c.end);
            k = c.end;
            continue;
        }
        if let Some(c) = ctx.bare_cue(k, &[CueKind::Nisba]) {
            if office.is_some() && !frozen {
                affiliation = Some(Affiliation::normalized(c.cue.norm.clone()));
                role_end = c.end;
                complemented = true;
            }
            titles.push(k..c.end);
            k = c.end;
            continue;
        }
        if office.is_none() || frozen {
            break;
        }
        if let Some(c) = ctx.bare_cue(k, &[CueKind::Portfolio, CueKind::Modifier]) {
            match c.cue.kind {
                CueKind::Portfolio => office = office.map(|o| format!("{o} {}", c.cue.value)),
                _ => modifier = Some(c.cue.value.clone()),
            }
            titles.push(k..c.end);
            k = c.end;
            role_end = k;
            complemented = true;
            continue;
        }
        let on_behalf = ctx.tok(k) == "باسم" && ctx.joined(k);
        if on_behalf && ctx.bare_cue(k + 1, TITLES).is_some() {
            k += 1;
            for_someone = true;
            break;
        }
        let body = if on_behalf { k + 1 } else { k };
        match affiliation_at(ctx, body) {
            Some((a, end)) => {
                affiliation = Some(a);
                k = end;
                role_end = k;
                complemented = true;
            }
            // المتحدث باسم الحكومة الفلسطينية: a body nobody listed, named by its words.
            None if on_behalf && ctx.has_article(body) => {
                let end = (body + 1..ctx.len().min(body + 3)).take_while(|&j| ctx.joined(j - 1) && ctx.has_article(j)).last().unwrap_or(body) + 1;
                let toks = &ctx.doc.tokens;
                affiliation = Some(Affiliation::normalized(ctx.doc.text()[toks[body].start..toks[end - 1].end].to_string()));
                k = end;
                role_end = k;
                complemented = true;
            }
            None => break,
        }
    }
    if bound && !complemented {
        return None;
    }
    let key = office.map(|office| RoleKey { office, affiliation, modifier });
    Some(Chain { start: i, end: k, first: t.first, role_end, key, title: &t.cue.value, holder: None, titles, for_someone })
}

/// The body an office belongs to at token `k`: a known organization or place, bare or after ل
/// (للأمم المتحدة), an organization a head noun introduces (وزارة الخارجية الإسرائيلية), or a
/// head noun with the article standing for one (للحلف، المنظمة).
fn affiliation_at(ctx: &Ctx, k: usize) -> Option<(Affiliation, usize)> {
    if !ctx.is_word(k) {
        return None;
    }
    let lam = ctx.tok(k).starts_with('ل');
    if let Some(m) = ctx.names[k].filter(|m| m.first.prefix == 0 || lam) {
        let e = &ctx.t.entries[m.hit.entry as usize];
        if matches!(e.kind, Kind::Organization | Kind::Location) && !m.hit.needs_context {
            return Some((Affiliation::normalized(ctx.t.norms[m.hit.entry as usize].clone()), m.end));
        }
    }
    if let Some(c) = heads::at(ctx, k).filter(|c| c.start == k && c.kind == Kind::Organization) {
        let toks = &ctx.doc.tokens;
        let text = &ctx.doc.text()[c.first.range(&toks[c.start]).start..toks[c.end - 1].end];
        return Some((Affiliation::normalized(text.to_string()), c.end));
    }
    let (definite, head) = heads::head_at(ctx, k)?;
    (definite && matches!(head.cue.kind, CueKind::OrgHead | CueKind::OrgNamed | CueKind::OrgBody)).then(|| (Affiliation::generic(&head.cue.norm), head.end))
}

/// The person named right after a chain: the token where the name starts and, unless the
/// lexicon already proposes that name, a candidate for it.
fn person_after<'d>(ctx: &Ctx<'d, '_>, chain: &Chain<'d>) -> Option<(usize, Option<Candidate<'d>>)> {
    let k = chain.end;
    if k >= ctx.len() || !ctx.joined(k - 1) {
        return None;
    }
    let why = |what: &'static str| Why::Title(what, chain.title);
    if ctx.is_punct(k, &["«", "\"", "“"]) {
        let end = name_run(ctx, k + 1, MAX_NAME, false);
        let known = ctx.bare_name(k + 1).filter(|m| m.end == end);
        if end == k + 1 || !ctx.quoted(k + 1, end) || known.is_some_and(|m| ctx.t.entries[m.hit.entry as usize].kind != Kind::Person) {
            return None;
        }
        let entry = known.map(|m| m.hit.entry);
        return Some((k + 1, Some(person(k + 1, end, Tier::Sure, entry, why("a name in guillemets")))));
    }
    if let Some(m) = ctx.bare_name(k) {
        if ctx.t.entries[m.hit.entry as usize].kind != Kind::Person {
            return None;
        }
        // A form that is also a common word (الأسد) is a name after a title.
        let cand = m.hit.needs_context.then(|| person(k, m.end, Tier::Sure, Some(m.hit.entry), why("a known name")));
        return Some((k, cand));
    }
    // A word with the article right after a title is a name only with a family name's shape
    // (الرئيس الحريري, not المتحدث باسم القيادة).
    if ctx.has_article(k) && !super::heads::relational(ctx.tok(k)) {
        return None;
    }
    let end = name_run(ctx, k, MAX_NAME, false);
    (end > k).then(|| (k, Some(person(k, end, Tier::Guess, None, why("a name")))))
}

fn person(start: usize, end: usize, tier: Tier, entry: Option<u32>, why: Why) -> Candidate {
    Candidate {
        kind: Kind::Person,
        start,
        end,
        first: BARE,
        tier,
        entry,
        needs_context: false,
        source: "rule",
        why,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Doc;
    use crate::entities::tables::TABLES;

    /// A chain's role text, office, affiliation, modifier, and the first word of the name
    /// after it.
    type Role = (String, String, Option<String>, Option<String>, Option<String>);

    /// Each chain with an office, and the people the chains propose.
    fn found(text: &str) -> (Vec<Role>, Vec<String>) {
        let doc = Doc::new(text);
        let ctx = Ctx::new(&doc, &TABLES);
        let mut people = Vec::new();
        let chains = chains(&ctx, &mut people);
        let roles = chains
            .iter()
            .filter_map(|c| {
                let key = c.key.as_ref()?;
                let role = ctx.span_of(Kind::Role, c.first, c.start, c.role_end, "", String::new());
                let affiliation = key.affiliation.as_ref().map(|a| a.name.clone());
                let holder = c.holder.map(|h| text[doc.norm.original_range(doc.tokens[h].range())].to_string());
                Some((text[role.range()].to_string(), key.office.clone(), affiliation, key.modifier.clone(), holder))
            })
            .collect();
        (roles, people.iter().map(|c| text[ctx.span(c).range()].to_string()).collect())
    }

    #[test]
    fn a_chain_holds_the_office_its_body_nisba_and_modifier() {
        let (roles, _) = found("قال وزير الخارجية الأمريكي السابق إن");
        assert_eq!(roles, vec![("وزير الخارجية الأمريكي السابق".into(), "وزير الخارجية".into(), Some("الولايات المتحده".into()), Some("السابق".into()), None)]);
        let (roles, _) = found("وأكد الأمين العام للحلف أن");
        assert_eq!(roles, vec![("الأمين العام للحلف".into(), "الأمين العام".into(), Some("حلف".into()), None, None)]);
        let (roles, _) = found("قال المتحدث باسم وزارة الدفاع الروسية إن");
        assert_eq!(roles, vec![("المتحدث باسم وزارة الدفاع الروسية".into(), "المتحدث".into(), Some("وزاره الدفاع الروسيه".into()), None, None)]);
        let (roles, _) = found("أعلنت نائبة رئيسة المفوضية الأوروبية أن");
        assert_eq!(roles, vec![("نائبة رئيسة المفوضية الأوروبية".into(), "نائب الرئيس".into(), Some("المفوضيه الاوروبيه".into()), None, None)]);
    }

    #[test]
    fn a_person_after_a_title_is_named_without_the_title() {
        let (_, people) = found("قال وزير الخارجية الإسباني بيدرو مارتينيز إن");
        assert_eq!(people, vec!["بيدرو مارتينيز"]);
        let (_, people) = found("وصرح السفير «ماركوس هولمان» بأن");
        assert_eq!(people, vec!["ماركوس هولمان"]);
        let (_, people) = found("أكد الشيخ جابر آل ثاني أن");
        assert_eq!(people, vec!["جابر آل ثاني"]);
        // A known name after a title is the lexicon's to propose.
        let (_, people) = found("قال الرئيس جو بايدن");
        assert!(people.is_empty());
    }

    #[test]
    fn a_title_before_a_common_word_names_nobody() {
        for text in ["قال الرئيس إن", "أكد الرئيس الفرنسي أمس", "قال المتحدث باسم الحكومة الفلسطينية إن", "وأبلغ الأمين العام احتجاجه"] {
            assert!(found(text).1.is_empty(), "{text}");
        }
    }

    #[test]
    fn the_person_an_office_speaks_for_is_not_its_holder() {
        let (roles, people) = found("وقال المتحدث باسم الرئيس الروسي ميخائيل كاسيانوف إن");
        assert_eq!(roles[0].0, "المتحدث باسم");
        assert_eq!(roles[0].4, None);
        assert_eq!(roles[1].0, "الرئيس الروسي");
        assert_eq!(roles[1].4.as_deref(), Some("ميخائيل"));
        assert_eq!(people, vec!["ميخائيل كاسيانوف"]);
    }

    #[test]
    fn a_counterpart_holds_the_office_of_the_chain_before_it_in_another_country() {
        let (roles, _) = found("التقى وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي في عمان");
        assert_eq!(roles[1], ("نظيره الأردني".into(), "وزير الخارجية".into(), Some("الاردن".into()), None, Some("أيمن".into())));
        let (roles, _) = found("وبحث الرئيس الفرنسي إيمانويل ماكرون مع نظيرته السلوفاكية زوزانا تشابوتوفا الأزمة");
        assert_eq!(roles[1].1, "الرئيس");
        assert_eq!(roles[1].4.as_deref(), Some("زوزانا"));
        // Without a name after it, it is the role alone; without an office before it, no role.
        let (roles, _) = found("التقى وزير الخارجية المصري سامح شكري نظيره الأردني في عمان");
        assert_eq!(roles[1], ("نظيره الأردني".into(), "وزير الخارجية".into(), Some("الاردن".into()), None, None));
        assert!(found("والتقى الكاتب نظيره الأردني أيمن الصفدي").0.is_empty());
    }

    #[test]
    fn a_title_without_the_article_needs_a_complement() {
        // رئيس alone is in construct state; أمين before a name is a first name.
        assert!(found("التقى أمين معلوف").0.is_empty());
        assert_eq!(found("قال رئيس وزراء إسرائيل").0[0].1, "رئيس الوزراء");
    }
}
