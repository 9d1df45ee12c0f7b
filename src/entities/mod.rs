//! Entities: people, organizations, places (and other names) found in the text and grouped into
//! real-world entities.
//!
//! The stage runs in four steps over the document's tokens, all looked up once in the compiled-in
//! [`tables`] (one vocabulary, one word automaton per table):
//!
//! 1. **Finders** propose candidates over whole tokens, each with how sure it is ([`scan::Tier`]):
//!    the name [`lexicon`]s (leftmost-longest, a name found after proclitics و ف ب ل ك، لل), head
//!    nouns of organizations and places ([`heads`]), people after titles ([`titles`]) and after
//!    first names ([`persons`]).
//! 2. **Resolution** ([`resolve`]) keeps, where candidates overlap, the surer, then the longer;
//!    a lexicon form that is also a common word (`~` in the lexicon) stays only with support.
//! 3. **The entity model** ([`crate::model`]) reads the document with what resolution kept as
//!    features of its own (a stacked model: it learned when to trust each finder), and its names
//!    join the candidates with their own tier ([`Tier::Model`]) for a second resolution: the model
//!    finds the spans, sure rules and the hand-made lexicons still override it (but for a place
//!    it reads as an organization: a city's club), and the lexicons name what it finds.
//! 4. **Aliases** ([`aliases`]): a surname alone after a full name becomes a mention of that
//!    person; spelling variants and lexicon aliases share one entity.
//! 5. **Roles** ([`roles`]): descriptors such as وزير الخارجية الأمريكي become `role` spans linked to
//!    the person the article names with that role.
//!
//! Every span says which finder found it (`source`: `lexicon`, `rule` or `model`) and why. The span of a
//! name is the name without the conjunction or preposition attached to it, and without a title
//! before it.

/// `spans!(f; text => [(Kind, "span"), …]; …)` in tests: `f(text)` gives exactly these
/// (kind, span text) pairs, in order.
#[cfg(test)]
macro_rules! spans {
    ($f:expr; $($text:expr => [$(($kind:ident, $name:expr)),* $(,)?];)+) => {
        $(
            let want: Vec<(crate::span::Kind, String)> = vec![$((crate::span::Kind::$kind, $name.to_string())),*];
            assert_eq!($f($text), want, "in {:?}", $text);
        )+
    };
}

pub mod aliases;
pub mod cues;
pub mod heads;
pub mod lexicon;
pub mod persons;
pub mod roles;
pub mod scan;
pub mod tables;
pub mod titles;
pub mod trie;

use std::cmp::Reverse;

use crate::doc::Doc;
use crate::fxhash::FxHashMap;
use crate::model::{Model, MODEL};
use crate::span::{Entity, Kind, Span};
use roles::RoleKey;
use scan::{Candidate, Ctx, Tier, Why};
use tables::{Tables, TABLES};

/// An entity mention before grouping.
#[derive(Clone, Debug)]
pub struct Mention {
    pub span: Span,
    /// The canonical name: the lexicon's, or for a name a rule found, the name as written.
    pub canonical: String,
    /// The key the mentions of one entity share (see [`aliases::key`]).
    pub key: String,
    /// Whether the canonical name comes from a lexicon.
    pub known: bool,
    /// For a role descriptor: the role, and the person it describes when the article names that
    /// person right beside it.
    pub role: Option<RoleRef>,
}

/// A role descriptor's role and, when named beside it, its holder (an index into the same list
/// of mentions).
#[derive(Clone, Debug)]
pub struct RoleRef {
    pub key: RoleKey,
    pub holder: Option<usize>,
}

/// The stage's entry point: the entity and role spans of the document (sorted by start, each
/// with its entity id) and the entities they mention.
pub fn analyze(doc: &Doc) -> (Vec<Span>, Vec<Entity>) {
    group(find(doc))
}

/// Finds the mentions of entities and roles in the document, with the compiled-in tables and
/// entity model.
pub fn find(doc: &Doc) -> Vec<Mention> {
    find_with(doc, &TABLES, Some(&MODEL))
}

/// Groups mentions into entities (see [`aliases::group`]).
pub fn group(mentions: Vec<Mention>) -> (Vec<Span>, Vec<Entity>) {
    aliases::group(mentions)
}

/// What the finders propose over a document: their candidates, the title chains, and the
/// tokens a candidate may not start on (the words of titles).
pub struct Proposals<'d> {
    pub cands: Vec<Candidate<'d>>,
    pub chains: Vec<titles::Chain<'d>>,
    pub blocked: Vec<bool>,
}

/// Runs every finder over the document.
pub fn propose<'d>(ctx: &Ctx<'d, '_>) -> Proposals<'d> {
    let mut cands = Vec::new();
    lexicon_candidates(ctx, &mut cands);
    heads::candidates(ctx, &mut cands);
    let chains = titles::chains(ctx, &mut cands);
    persons::from_first_names(ctx, &mut cands);
    let mut blocked = vec![false; ctx.len()];
    for ch in &chains {
        for r in &ch.titles {
            blocked[r.clone()].iter_mut().for_each(|b| *b = true);
        }
    }
    Proposals { cands, chains, blocked }
}

/// What the lexicons and rules alone keep in a document: the candidates of every finder,
/// resolved.
pub fn rules_kept<'d>(ctx: &Ctx<'d, '_>) -> Vec<Candidate<'d>> {
    let p = propose(ctx);
    resolve(ctx, p.cands, &p.blocked)
}

/// Finds the mentions of entities and roles with the given tables and, if given, entity model
/// (without one, with the lexicons and rules alone).
pub fn find_with(doc: &Doc, t: &Tables, model: Option<&Model>) -> Vec<Mention> {
    let ctx = Ctx::new(doc, t);
    let Proposals { cands, chains, blocked } = propose(&ctx);
    let mut accepted = resolve(&ctx, cands, &blocked);
    if let Some(model) = model {
        // The model read what the rules kept. It decides where names are, but where a rule is
        // sure or a hand-made lexicon names a thing, they stand (their spans follow this
        // project's conventions: حركة حماس and البيت الأبيض are organizations whole) — except
        // a place the model reads, over the same words, as an organization.
        let found = model.candidates(&ctx, &accepted);
        let mut cands: Vec<Candidate> = accepted
            .iter()
            .filter(|c| c.overrides_model(t) && !place_for_organization(c, &found) && !inside_longer_person(ctx.t, c, &found, &accepted))
            .cloned()
            .collect();
        cands.extend(found);
        accepted = resolve(&ctx, cands, &blocked);
    }

    let mut free = vec![true; ctx.len()];
    let mut mentions: Vec<(usize, usize, Mention)> = Vec::with_capacity(accepted.len());
    for c in accepted {
        free[c.start..c.end].iter_mut().for_each(|f| *f = false);
        let span = ctx.span(&c);
        let (canonical, key, known) = match c.entry {
            Some(e) => (t.entries[e as usize].canonical.clone(), t.keys[e as usize].clone(), true),
            None => {
                let alef = if c.first.merged_article { "ا" } else { "" };
                (format!("{alef}{}", &doc.original()[span.range()]), aliases::key(&format!("{alef}{}", span.norm)), false)
            }
        };
        mentions.push((c.start, c.end, Mention { span, canonical, key, known, role: None }));
    }
    aliases::surnames(&ctx, &mut mentions, &free);
    mentions.sort_by_key(|(s, _, _)| *s);
    add_roles(&ctx, &chains, &mut mentions);
    mentions.into_iter().map(|(_, _, m)| m).collect()
}

/// Whether a hand-made lexicon's place is, by the model's reading of its context, an
/// organization named after it (`found`: the model's candidates, in order): a city's club (فاز
/// برشلونة), a newspaper (صحيفة الشرق الأوسط), a company or a government named by its seat. A
/// lexicon knows the place, not what the sentence does with it; the model, trained on news that
/// tags such names as organizations, reads the sentence. Only the same words, and only from
/// place to organization: a sure rule, and another kind or extent the lexicon gives, still stand.
fn place_for_organization(c: &Candidate, found: &[Candidate]) -> bool {
    if c.tier != Tier::Lexicon || c.kind != Kind::Location {
        return false;
    }
    let i = found.partition_point(|m| m.start < c.start);
    found[i..].iter().take_while(|m| m.start == c.start).any(|m| m.end == c.end && m.kind == Kind::Organization)
}

/// Whether a hand-made lexicon's name of one word lies inside a longer person's name the model
/// reads (`found`: its candidates, in order): وعباس بابكر أحمد is not محمود عباس, كارلوس كوريا
/// not Korea. A lexicon knows one bearer of a common name, or a place a surname is named after;
/// the model reads the whole name around it. A name of several words the lexicon knows stands,
/// and so do two known names side by side (`kept`: what the lexicons and rules kept, in order,
/// not overlapping), which the model, unsure, may read as one person: زار ماكرون برلين is Macron
/// and Berlin.
fn inside_longer_person(t: &Tables, c: &Candidate, found: &[Candidate], kept: &[Candidate]) -> bool {
    if c.tier != Tier::Lexicon || c.end != c.start + 1 || c.entry.is_some_and(|e| t.entries[e as usize].kind == Kind::Organization) {
        return false;
    }
    let i = found.partition_point(|m| m.end <= c.start);
    found[i..].iter().take_while(|m| m.start <= c.start).any(|m| {
        let j = kept.partition_point(|k| k.start < m.start);
        let known = kept[j..].iter().take_while(|k| k.start < m.end).filter(|k| k.tier == Tier::Lexicon && k.end <= m.end).count();
        m.kind == Kind::Person && m.end >= c.end && m.end - m.start > 1 && known == 1
    })
}

/// The lexicon's names, leftmost-longest.
fn lexicon_candidates<'d>(ctx: &Ctx<'d, '_>, out: &mut Vec<Candidate<'d>>) {
    let mut i = 0;
    while i < ctx.len() {
        let Some(m) = ctx.names[i] else {
            i += 1;
            continue;
        };
        let e = &ctx.t.entries[m.hit.entry as usize];
        // A city is feminine in Arabic; with a masculine adjective of nationality it is its
        // football club (برشلونة الإسباني، ليفربول الإنجليزي). Names of one word only, and not
        // after a direction: regions are not clubs (شمال أفريقيا الروماني).
        let club = e.kind == Kind::Location && e.file != "countries" && m.end == i + 1 && masculine_nisba(ctx, m.end) && !after_direction(ctx, i);
        out.push(Candidate {
            kind: if club { Kind::Organization } else { e.kind },
            start: i,
            end: m.end,
            first: m.first,
            tier: Tier::Lexicon,
            entry: (!club).then_some(m.hit.entry),
            needs_context: m.hit.needs_context,
            source: "lexicon",
            why: if club { Why::Club(m.hit.entry) } else { Why::Lexicon },
        });
        i = m.end;
    }
}

/// How far back, in tokens, a plain mention of an entity supports a later form of its name that
/// is also a common word: about an article's length, so that in a corpus one article does not
/// license the next.
const SUPPORT_WINDOW: usize = 400;

/// Whether token `i` follows a word of direction (شمال، جنوب، شرق، غرب، وسط).
fn after_direction(ctx: &Ctx, i: usize) -> bool {
    i > 0 && ctx.joined(i - 1) && matches!(ctx.tok(i - 1), "شمال" | "جنوب" | "شرق" | "غرب" | "وسط")
}

/// Whether token `k`, right after a name, is a masculine adjective of nationality (الإسباني, not
/// الإسبانية).
fn masculine_nisba(ctx: &Ctx, k: usize) -> bool {
    k < ctx.len() && ctx.joined(k - 1) && ctx.tok(k).ends_with('ي') && ctx.bare_cue(k, &[cues::CueKind::Nisba]).is_some()
}

/// Chooses among overlapping candidates: the surer, then the longer, then the earlier; on a
/// tie a lexicon's candidate (it names its entity). A rule's guess of a person that runs over a
/// lexicon person (محمد حسني مبارك over حسني مبارك) takes that name's entry and counts as lexicon
/// evidence. Candidates may not start on the words of a title (`blocked`): الخارجية الأمريكية in
/// وزير الخارجية الأمريكية is a minister's portfolio, not the State Department. A lexicon form that is also a common word stays only in guillemets or quotation
/// marks, or when its entity is also named in a plain form. Returns the kept candidates in text
/// order, none overlapping.
///
/// The entity model's candidates join `cands` here with their own tier ([`Tier::Model`]); a
/// model's person over a lexicon person takes that name's entry too.
pub fn resolve<'d>(ctx: &Ctx<'d, '_>, mut cands: Vec<Candidate<'d>>, blocked: &[bool]) -> Vec<Candidate<'d>> {
    for c in cands.iter_mut().filter(|c| matches!(c.tier, Tier::Guess | Tier::Model) && c.entry.is_none() && c.kind == Kind::Person) {
        let inner = (c.start..c.end).find_map(|k| {
            ctx.names[k].filter(|m| {
                (k == c.start || m.first.prefix == 0)
                    && m.end <= c.end
                    && !m.hit.needs_context
                    && ctx.t.entries[m.hit.entry as usize].kind == c.kind
            })
        });
        if let Some(m) = inner {
            c.entry = Some(m.hit.entry);
            if c.tier == Tier::Guess {
                c.tier = Tier::Lexicon;
            }
        }
    }
    // The order of preference, with each candidate's key computed once (not at every
    // comparison) and its index last, so that an unstable sort of these small pairs keeps
    // equals in their given order, as a stable sort of the candidates would.
    let mut order: Vec<_> =
        cands.iter().enumerate().map(|(i, c)| ((Reverse(c.tier), Reverse(c.end - c.start), c.start, c.source != "lexicon"), i)).collect();
    order.sort_unstable();
    let mut taken = vec![false; ctx.len()];
    let mut kept: Vec<Candidate<'d>> = Vec::with_capacity(cands.len());
    for second in [false, true] {
        // Where each entry is named plainly, in token order.
        let mut seen: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
        for c in &kept {
            if let Some(e) = c.entry {
                seen.entry(e).or_default().push(c.start);
            }
        }
        seen.values_mut().for_each(|v| v.sort_unstable());
        // A plain mention shortly before: the article named it in full, then shortly.
        let near = |e: u32, at: usize| {
            seen.get(&e).is_some_and(|v| {
                let i = v.partition_point(|&p| p + SUPPORT_WINDOW < at);
                i < v.len() && v[i] < at
            })
        };
        for c in order.iter().map(|&(_, i)| &cands[i]).filter(|c| c.needs_context == second) {
            if blocked[c.start] || taken[c.start..c.end].iter().any(|&t| t) {
                continue;
            }
            if second && !ctx.quoted(c.start, c.end) && !c.entry.is_some_and(|e| near(e, c.start)) {
                continue;
            }
            taken[c.start..c.end].iter_mut().for_each(|t| *t = true);
            kept.push(c.clone());
        }
    }
    kept.sort_by_key(|c| c.start);
    kept
}

/// Adds a role mention for each title chain with an office, linked to the person named right
/// after it or right before it (مارك روته، الأمين العام للحلف). `mentions` are sorted by start.
fn add_roles(ctx: &Ctx, chains: &[titles::Chain], mentions: &mut Vec<(usize, usize, Mention)>) {
    let mut roles = Vec::new();
    for ch in chains {
        let Some(key) = &ch.key else { continue };
        // The mention that covers a token, if any.
        let covering = |tok: usize| {
            let i = mentions.partition_point(|(s, _, _)| *s <= tok);
            (i > 0 && mentions[i - 1].1 > tok).then(|| i - 1)
        };
        if covering(ch.start).is_some_and(|m| mentions[m].0 != ch.start) {
            continue; // inside another name (جامعة الملك سعود)
        }
        let person = |m: usize| (mentions[m].2.span.kind == Kind::Person).then_some(m);
        let holder = match ch.holder {
            Some(h) => covering(h).and_then(person),
            None if ch.first.prefix == 0 && ch.start > 0 => {
                let before = if ctx.is_punct(ch.start - 1, &["،", ","]) { ch.start.checked_sub(2) } else { Some(ch.start - 1) };
                before.and_then(covering).filter(|&m| mentions[m].1 == before.unwrap() + 1).and_then(person)
            }
            None => None,
        };
        let why = format!("role: «{}»", key.office);
        let span = ctx.span_of(Kind::Role, ch.first, ch.start, ch.role_end, "rule", why);
        roles.push((ch.start, ch.role_end, Mention { span, canonical: key.office.clone(), key: String::new(), known: false, role: Some(RoleRef { key: key.clone(), holder }) }));
    }
    mentions.extend(roles);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stage with the lexicons and rules alone: what these tests are about. (The entity
    /// model joins them in `crate::model`'s tests and the integration tests.)
    fn rules(doc: &Doc) -> (Vec<Span>, Vec<Entity>) {
        group(find_with(doc, &TABLES, None))
    }

    /// The entity spans of a text (not roles) as (kind, text).
    fn names(text: &str) -> Vec<(Kind, String)> {
        let (spans, _) = rules(&Doc::new(text));
        spans.iter().filter(|s| s.kind.is_entity()).map(|s| (s.kind, text[s.range()].to_string())).collect()
    }

    /// `entities! { text => [("mention", "canonical"), …]; … }`: each entity or role span's text
    /// and the canonical name of the entity it mentions.
    macro_rules! entities {
        ($($text:expr => [$(($mention:expr, $canonical:expr)),* $(,)?];)+) => {
            $(
                let (spans, ents) = rules(&Doc::new($text));
                let got: Vec<(String, String)> = spans.iter().map(|s| ($text[s.range()].to_string(), ents[s.entity.unwrap()].name.clone())).collect();
                let want: Vec<(String, String)> = vec![$(($mention.to_string(), $canonical.to_string())),*];
                assert_eq!(got, want, "in {:?}", $text);
            )+
        };
    }

    #[test]
    fn names_after_proclitics_without_the_proclitics() {
        spans! { names;
            "وروسيا" => [(Location, "روسيا")];
            "لأوكرانيا" => [(Location, "أوكرانيا")];
            "بالناتو" => [(Organization, "الناتو")];
            "للولايات المتحدة" => [(Location, "لولايات المتحدة")];
            "وللولايات المتحدة الأمريكية" => [(Location, "لولايات المتحدة الأمريكية")];
            "فبروكسل" => [(Location, "بروكسل")];
        }
    }

    #[test]
    fn longest_phrase_wins_and_names_stop_at_boundaries() {
        spans! { names;
            "حلف شمال الأطلسى" => [(Organization, "حلف شمال الأطلسى")];
            "كوريا الشمالية وكوريا" => [(Location, "كوريا الشمالية"), (Location, "كوريا")];
            "روسياني" => [];
            "كوريا\nالشمالية" => [(Location, "كوريا")];
            "كوريا، الشمالية" => [(Location, "كوريا")];
        }
    }

    #[test]
    fn spans_keep_diacritics_and_tatweel_of_the_original() {
        spans! { names;
            "زار بِرُوكْسِلْ" => [(Location, "بِرُوكْسِلْ")];
            "والنـــاتو" => [(Organization, "النـــاتو")];
        }
    }

    #[test]
    fn a_word_known_as_it_stands_is_not_read_as_proclitics_and_a_name() {
        // كلاوس is a first name, not ك + لاوس; بليون is a billion, not ب + ليون.
        spans! { names;
            "وقال كلاوس بيكارد" => [(Person, "كلاوس بيكارد")];
            "بلغت قيمته بليون" => [];
        }
    }

    #[test]
    fn common_words_are_names_only_with_support() {
        spans! { names;
            "أقر البرلمان الدستور الجديد" => [];
            "نشرت صحيفة «الدستور» تقريرا" => [(Organization, "الدستور")];
            "كما نشرت «الدستور» تقريرا" => [(Organization, "الدستور")];
            "وفتح الباب أمام الحوار" => [];
            "اجتمع قادة حركة فتح" => [(Organization, "حركة فتح")];
            "شاهد صور المدينة" => [];
            "قصفت مدينة صور" => [(Location, "صور")];
            "يتحدث اللغة العربية" => [];
            "قالت قناة العربية" => [(Organization, "العربية")];
            "كيف حالك" => [];
        }
        // A plain mention before supports the short form after it.
        spans! { names;
            "قال الرئيس بشار الأسد إن الأسد باق" => [(Person, "بشار الأسد"), (Person, "الأسد")];
            "الأسد ملك الغابة" => [];
        }
    }

    #[test]
    fn a_surer_finder_wins_over_a_longer_or_plainer_one() {
        spans! { names;
            // A head with a known complement is an organization, not the place inside it.
            "درس في جامعة القاهرة" => [(Organization, "جامعة القاهرة")];
            // A guess that runs over a known person takes the longer span.
            "التقى محمد حسني مبارك بالوفد" => [(Person, "محمد حسني مبارك")];
            // A minister's portfolio is no organization.
            "قال وزير الخارجية الأمريكية إن" => [];
            // A city with a masculine adjective is its club; with a feminine one, the city.
            "فاز برشلونة الإسباني على مدينة برشلونة الإسبانية" => [(Organization, "برشلونة"), (Location, "برشلونة")];
            "في شمال أفريقيا الروماني" => [(Location, "أفريقيا")];
        }
    }

    #[test]
    fn a_common_word_with_a_preposition_starts_a_known_name_of_several_words() {
        // لمجلس and للاتحاد are common words as they stand (mined from ANERcorp), yet ل + a
        // name of several words the lexicon knows is that name; a name of one word is not read
        // inside a known word (لدينا is no ل + دينا).
        spans! { names;
            "وفقا لمجلس الأمن الدولي" => [(Organization, "مجلس الأمن الدولي")];
            "قال منسق السياسة الخارجية للاتحاد الأوروبي" => [(Organization, "لاتحاد الأوروبي")];
            "قال لدينا خطة" => [];
        }
    }

    #[test]
    fn a_place_the_model_reads_as_an_organization_is_one() {
        let doc = Doc::new("فاز برشلونة على ضيفه");
        let ctx = Ctx::new(&doc, &TABLES);
        let place = rules_kept(&ctx).into_iter().find(|c| c.kind == Kind::Location).expect("برشلونة is in the lexicon");
        let model = |kind, end| Candidate { kind, end, tier: Tier::Model, entry: None, source: "model", why: Why::Model(90, false), ..place.clone() };
        assert!(place_for_organization(&place, &[model(Kind::Organization, place.end)]));
        // Not another kind, nor other words.
        assert!(!place_for_organization(&place, &[model(Kind::Person, place.end)]));
        assert!(!place_for_organization(&place, &[model(Kind::Organization, place.end + 1)]));
    }

    #[test]
    fn a_known_word_inside_a_longer_person_the_model_reads_is_that_person() {
        let doc = Doc::new("سدد البرازيلي كارلوس كوريا كرة");
        let ctx = Ctx::new(&doc, &TABLES);
        let place = rules_kept(&ctx).into_iter().find(|c| c.kind == Kind::Location).expect("كوريا is in the lexicon");
        let model = |kind, start, end| Candidate { kind, start, end, tier: Tier::Model, entry: None, source: "model", why: Why::Model(90, false), ..place.clone() };
        let kept = [place.clone()];
        assert!(inside_longer_person(&TABLES, &place, &[model(Kind::Person, place.start - 1, place.end)], &kept));
        // Not the place alone, nor inside another kind.
        assert!(!inside_longer_person(&TABLES, &place, &[model(Kind::Person, place.start, place.end)], &kept));
        assert!(!inside_longer_person(&TABLES, &place, &[model(Kind::Organization, place.start - 1, place.end)], &kept));
        // And a known name of several words stands.
        let doc = Doc::new("قال عمر البشير ميني");
        let ctx = Ctx::new(&doc, &TABLES);
        let person = rules_kept(&ctx).into_iter().find(|c| c.kind == Kind::Person).expect("عمر البشير is in the lexicon");
        assert!(!inside_longer_person(&TABLES, &person, &[model(Kind::Person, person.start, person.end + 1)], &[person.clone()]));
        // Nor two known names side by side, read by the model as one person.
        let doc = Doc::new("زار ماكرون برلين أمس");
        let ctx = Ctx::new(&doc, &TABLES);
        let kept = rules_kept(&ctx);
        let (person, place) = (&kept[0], &kept[1]);
        assert_eq!((person.kind, place.kind), (Kind::Person, Kind::Location));
        let both = [model(Kind::Person, person.start, place.end)];
        assert!(!inside_longer_person(&TABLES, person, &both, &kept));
        assert!(!inside_longer_person(&TABLES, place, &both, &kept));
    }

    #[test]
    fn mentions_of_one_entity_share_its_canonical_name() {
        entities! {
            "الناتو وحلف الناتو وحلف شمال الأطلسي" => [("الناتو", "حلف شمال الأطلسي"), ("حلف الناتو", "حلف شمال الأطلسي"), ("حلف شمال الأطلسي", "حلف شمال الأطلسي")];
            "أنتونى بلينكين ثم بلينكن" => [("أنتونى بلينكين", "أنتوني بلينكن"), ("بلينكن", "أنتوني بلينكن")];
            // A surname alone names the person given in full, a variant spelling too.
            "وصل ماركوس هولمان. وقال هولمان إن" => [("ماركوس هولمان", "ماركوس هولمان"), ("هولمان", "ماركوس هولمان")];
            // Not a guessed name's surname that is a common word (دين: debt) …
            "وصل ماركوس دين. وأصدر البنك سندات دين" => [("ماركوس دين", "ماركوس دين")];
        }
        // … but a known name's (عباس).
        let (spans, _) = rules(&Doc::new("التقى محمود عباس بالوفد. وقال عباس إن"));
        assert_eq!(spans.iter().filter(|s| s.kind == Kind::Person).count(), 2, "{spans:?}");
        let (_, ents) = rules(&Doc::new("الناتو وروسيا والناتو"));
        assert_eq!(ents.iter().map(|e| (e.name.as_str(), e.mentions)).collect::<Vec<_>>(), vec![("حلف شمال الأطلسي", 2), ("روسيا", 1)]);
    }

    #[test]
    fn role_descriptors_join_the_person_named_with_that_role() {
        entities! {
            // Named right after the role; the same role elsewhere, before or after, joins the holder.
            "قال وزير الخارجية الفرنسي إن بلاده مستعدة، بعد لقاء وزير الخارجية الفرنسي جان إيف لودريان بنظيره."
                => [("وزير الخارجية الفرنسي", "جان إيف لودريان"), ("وزير الخارجية الفرنسي", "جان إيف لودريان"), ("جان إيف لودريان", "جان إيف لودريان")];
            // A word for the body (للحلف) and a shorter office (أمين) meet the full role.
            "التقى الأمين العام لحلف الناتو ينس ستولتنبرغ بالوزراء. وأكد الأمين العام للحلف ثم أمين الحلف أن"
                => [("الأمين العام لحلف الناتو", "ينس ستولتنبرغ"), ("حلف الناتو", "حلف شمال الأطلسي"), ("ينس ستولتنبرغ", "ينس ستولتنبرغ"),
                    ("الأمين العام للحلف", "ينس ستولتنبرغ"), ("أمين الحلف", "ينس ستولتنبرغ")];
            // The president elect is not the sitting president.
            "هنأ الرئيس الأمريكي المنتخب جو بايدن الرئيس دونالد ترامب. وقال الرئيس الأمريكي المنتخب إنه سيلتقي الرئيس"
                => [("الرئيس الأمريكي المنتخب", "جو بايدن"), ("جو بايدن", "جو بايدن"), ("الرئيس", "دونالد ترامب"), ("دونالد ترامب", "دونالد ترامب"),
                    ("الرئيس الأمريكي المنتخب", "جو بايدن"), ("الرئيس", "دونالد ترامب")];
            // A counterpart holds the office of the chain before it, in its own country; the
            // minister without the portfolio then finds that holder.
            "بحث وزير الخارجية الفرنسي جان إيف لودريان مع نظيره الإسباني خوسيه ألباريس الأزمة. وقال الوزير الإسباني إن"
                => [("وزير الخارجية الفرنسي", "جان إيف لودريان"), ("جان إيف لودريان", "جان إيف لودريان"),
                    ("نظيره الإسباني", "خوسيه مانويل ألباريس"), ("خوسيه ألباريس", "خوسيه مانويل ألباريس"), ("الوزير الإسباني", "خوسيه مانويل ألباريس")];
            // A role nobody in the text holds is not marked.
            "قال المتحدث باسم الحكومة إن" => [];
        }
    }

    #[test]
    fn every_span_says_what_found_it() {
        let text = "قال السفير «ماركوس هولمان» في بيروت";
        let (spans, _) = rules(&Doc::new(text));
        let why: Vec<(&str, &str, &str)> = spans.iter().map(|s| (&text[s.range()], s.source, s.why.as_str())).collect();
        assert_eq!(
            why,
            vec![
                ("السفير", "rule", "role: «السفير»"),
                ("ماركوس هولمان", "rule", "rule: a name in guillemets after the title «السفير»"),
                ("بيروت", "lexicon", "lexicon arab-regions: بيروت"),
            ]
        );
    }
}
