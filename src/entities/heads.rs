//! Organizations and places from head nouns: وزارة الخارجية الأمريكية، حزب العمال، جامعة القاهرة,
//! صحيفة «الدستور»، مدينة حلب، نهر «مهروت».
//!
//! A head noun (see `data/lexicon/rules/heads.tsv`) is followed by its complement: a name the
//! lexicon knows, a word with the article (الخارجية), an unknown proper word (كاديما), or a name
//! in guillemets; a complement with the article may take relational adjectives after it
//! (الإسلامية، الأمريكية) and one genitive with ل (للتنمية). A name with a coordinated noun
//! (حزب العدالة والتنمية) is the lexicon's to know: a conjunction after a name more often starts
//! another phrase (حلف الأطلسي والدول الكبرى).
//! Whether the head belongs to the span depends on its class: an organization's head does
//! (وزارة الخارجية), a descriptor before a proper name does not (صحيفة «الدستور» → الدستور), nor
//! does a place head (مدينة حلب → حلب، نهر مهروت → مهروت).

use crate::span::Kind;
use crate::tokenize::Reading;

use super::cues::CueKind;
use super::scan::{Candidate, CueMatch, Ctx, NameMatch, Tier, Why, BARE};
use super::persons::name_run;
use super::tables::class;

/// The most tokens an unknown proper complement runs over.
const MAX_PROPER: usize = 3;
/// The most tokens of an unknown place's name.
const MAX_PLACE: usize = 2;
/// The most tokens inside guillemets taken for a name.
const MAX_QUOTED: usize = 6;

/// What follows a head noun.
#[derive(Clone, Copy, Debug)]
enum Complement {
    /// A lexicon name.
    Known(NameMatch),
    /// A word with the article and the adjectives after it, up to a token.
    Article(usize),
    /// Unknown words that are not common words, up to a token.
    Proper(usize),
    /// Words between guillemets or quotation marks: `start..end`.
    Quoted(usize, usize),
}

const HEADS: &[CueKind] = &[CueKind::OrgHead, CueKind::OrgNamed, CueKind::OrgBody, CueKind::OrgDescriptor, CueKind::Media, CueKind::Team, CueKind::PlaceHead, CueKind::Area];

/// Proposes the organizations and places that head nouns introduce.
pub fn candidates<'d>(ctx: &Ctx<'d, '_>, out: &mut Vec<Candidate<'d>>) {
    out.extend((0..ctx.len()).filter_map(|i| at(ctx, i)));
}

/// A head noun at token `i`: whether it has the article (الحزب، للحلف) and its cue.
pub fn head_at<'d>(ctx: &Ctx<'d, '_>, i: usize) -> Option<(bool, CueMatch<'d>)> {
    if !ctx.is_word(i) {
        return None;
    }
    let head = ctx.cue(i, HEADS)?;
    let stem = &ctx.tok(i)[head.first.prefix..];
    let definite = (stem.starts_with("ال") || head.first.merged_article) && !head.cue.value.starts_with("ال");
    Some((definite, head))
}

/// The organization or place a head noun at token `i` introduces.
pub fn at<'d>(ctx: &Ctx<'d, '_>, i: usize) -> Option<Candidate<'d>> {
    use CueKind::*;
    use Kind::{Location as Loc, Organization as Org};
    let (definite, head) = head_at(ctx, i)?;
    let k = head.end;
    if !ctx.joined(k - 1) {
        return None;
    }
    let comp = match head.cue.kind {
        _ if !definite => complement(ctx, k, head.cue.kind)?,
        // البنك المركزي المصري; المدينة, النهر alone name nothing.
        OrgHead | OrgNamed | OrgBody => adjectives_only(ctx, k)?,
        _ => return None,
    };
    let known = |m: &NameMatch| ctx.t.entries[m.hit.entry as usize].kind;
    // (kind, with the head?, end, tier, entry, what)
    let (kind, with_head, end, tier, entry, what) = match (head.cue.kind, comp) {
        // A movement is not named after a place: جبهة الجنوب اللبناني is a war front.
        (OrgHead | OrgNamed, Complement::Known(m)) if known(&m) == Loc => return None,
        (OrgHead | OrgNamed | OrgBody, Complement::Known(m)) => {
            // حركة حماس is Hamas; جامعة القاهرة is not Cairo, مجلس الناتو not NATO.
            let same = head.cue.kind != OrgBody && known(&m) == Org;
            (Org, true, m.end, Tier::Sure, same.then_some(m.hit.entry), "an organization named with a known name")
        }
        (OrgHead | OrgBody | OrgDescriptor, Complement::Article(end)) | (OrgHead | OrgNamed | OrgBody, Complement::Proper(end)) => {
            (Org, true, end, Tier::Guess, None, "an organization's name")
        }
        (OrgDescriptor | Media, Complement::Known(m)) if known(&m) == Org => {
            (Org, false, m.end, Tier::Sure, Some(m.hit.entry), "a known organization")
        }
        // فريق ليفربول: the club, not the city.
        (Team, Complement::Known(m)) if known(&m) != Kind::Person => (Org, false, m.end, Tier::Sure, (known(&m) == Org).then_some(m.hit.entry), "a team"),
        (OrgDescriptor | Media | Team, Complement::Proper(end)) | (Media, Complement::Article(end)) => {
            (Org, false, end, Tier::Guess, None, "an organization's name")
        }
        (PlaceHead | Area, Complement::Known(m)) if known(&m) == Loc => (Loc, false, m.end, Tier::Sure, Some(m.hit.entry), "a known place"),
        (PlaceHead | Area, Complement::Proper(end)) | (PlaceHead, Complement::Article(end)) => {
            (Loc, false, end, Tier::Guess, None, "a place's name")
        }
        (h, Complement::Quoted(s, e)) => {
            let kind = if matches!(h, PlaceHead | Area) { Loc } else { Org };
            return Some(candidate(kind, s, BARE, e, Tier::Sure, None, "a name in guillemets", &head.cue.value));
        }
        _ => return None,
    };
    // A longer name the lexicon knows from the head on is the lexicon's (إذاعة الجيش الإسرائيلي);
    // an institution every country has is no name (مجلس الوزراء).
    if ctx.names[i].is_some_and(|m| m.first == head.first && m.end >= end)
        || ctx.cue(i, &[CueKind::Generic]).is_some_and(|g| g.first == head.first && g.end <= end)
    {
        return None;
    }
    let (start, first) = if with_head { (i, head.first) } else { (k, BARE) };
    Some(candidate(kind, start, first, end, tier, entry, what, &head.cue.value))
}

#[allow(clippy::too_many_arguments)]
fn candidate<'d>(kind: Kind, start: usize, first: Reading, end: usize, tier: Tier, entry: Option<u32>, what: &'static str, head: &'d str) -> Candidate<'d> {
    Candidate {
        kind,
        start,
        end,
        first,
        tier,
        entry,
        needs_context: false,
        source: "rule",
        why: Why::Head(what, head),
    }
}

/// The complement of an indefinite head at token `k`.
fn complement(ctx: &Ctx, k: usize, head: CueKind) -> Option<Complement> {
    if let Some(q) = quoted_at(ctx, k) {
        return Some(q);
    }
    if let Some(m) = ctx.bare_name(k) {
        return Some(Complement::Known(m));
    }
    if !ctx.is_word(k) || ctx.class(k) & class::FUNCTION != 0 {
        return None;
    }
    // مستشفى الملك فيصل التخصصي، جامعة الملك سعود: named after a person with a title.
    if let Some(t) = ctx.bare_cue(k, &[CueKind::Office, CueKind::Honorific]) {
        let name = if ctx.joined(t.end - 1) { name_run(ctx, t.end, 4, false) } else { t.end };
        return (name > t.end).then(|| Complement::Article(adjectives(ctx, name, true)));
    }
    if ctx.has_article(k) {
        if head == CueKind::PlaceHead && ctx.class(k) & class::COMMON != 0 {
            return None;
        }
        if matches!(head, CueKind::Media) {
            return Some(Complement::Article(k + 1));
        }
        return Some(Complement::Article(adjectives(ctx, k + 1, true)));
    }
    // An adjective is not a name (قناة إذاعية، اتحاد طوعي), nor a word after و (بلدة ومستوطنة).
    if relational(ctx.tok(k)) || ctx.tok(k).starts_with('و') {
        return None;
    }
    // Places and features are named in a word or two; organizations in a few more.
    let most = if matches!(head, CueKind::PlaceHead | CueKind::Area) { MAX_PLACE } else { MAX_PROPER };
    let mut end = k;
    while end < ctx.len() && end - k < most && proper(ctx, end) && (end == k || ctx.joined(end - 1)) {
        end += 1;
    }
    (end > k).then_some(Complement::Proper(end))
}

/// The complement of a head with the article (البنك المركزي المصري، المنظمة العربية للتنمية
/// الزراعية): relational adjectives, one of them naming a country or followed by a genitive
/// with ل; without either the phrase is a description (الحركة الأصولية، الحزب الحاكم).
fn adjectives_only(ctx: &Ctx, k: usize) -> Option<Complement> {
    let end = adjectives(ctx, k, true);
    let specific = (k..end).any(|j| ctx.bare_cue(j, &[CueKind::Nisba]).is_some() || ctx.tok(j).starts_with("لل"));
    (end > k && specific).then_some(Complement::Article(end))
}

/// Relational adjectives (nisbas) from token `k` on and, with `genitive`, one genitive with ل
/// (للتنمية); returns one past the last.
fn adjectives(ctx: &Ctx, mut k: usize, genitive: bool) -> usize {
    let mut genitive = !genitive;
    while k < ctx.len() && ctx.joined(k - 1) {
        if let Some(n) = ctx.bare_cue(k, &[CueKind::Nisba]) {
            k = n.end;
        } else if ctx.class(k) & class::FUNCTION != 0 {
            break;
        } else if ctx.has_article(k) && relational(ctx.tok(k)) {
            k += 1;
        } else if !genitive && ctx.tok(k).starts_with("لل") && ctx.tok(k).chars().count() > 4 {
            genitive = true;
            k += 1;
        } else {
            break;
        }
    }
    k
}

/// Whether a normalized word has the shape of a relational adjective (ending ي or ية).
pub fn relational(word: &str) -> bool {
    word.ends_with('ي') || word.ends_with("يه")
}

/// Whether token `i` may be part of a proper name nobody listed: a word that is neither a
/// function word, a common word (also with a proclitic, a pronoun or tanween attached), a cue
/// nor a known name's start, and has no verb's or prepositional phrase's shape.
pub fn proper(ctx: &Ctx, i: usize) -> bool {
    let c = ctx.class(i);
    ctx.is_word(i)
        && c & (class::FUNCTION | class::COMMON | class::CUE) == 0
        && ctx.names[i].is_none()
        && ctx.tok(i).chars().count() > 1
        && !verb_or_phrase(ctx.tok(i))
        // A common word after a preposition (بمقر، وإخراج) is a phrase, not a name.
        && !ctx.stem_classes(i).any(|(r, c)| r.prefix > 0 && c & (class::FUNCTION | class::COMMON) != 0 && ctx.tok(i).len() - r.prefix >= 6)
        && !with_pronoun(ctx, ctx.tok(i))
        && !accusative(ctx, ctx.tok(i))
}

/// Whether a normalized word is a common word in the accusative with tanween, an adverb or
/// adjective (فجرا، عزما، ساكنا).
fn accusative(ctx: &Ctx, w: &str) -> bool {
    w.strip_suffix('ا').filter(|s| s.chars().count() >= 3).is_some_and(|stem| {
        ctx.t.word(stem).is_some_and(|w| ctx.t.class(w) & (class::FUNCTION | class::COMMON) != 0)
    })
}

/// Whether a normalized word is a known word with a pronoun attached (احتجاجه، حكومتها، قطرها):
/// names take none.
fn with_pronoun(ctx: &Ctx, w: &str) -> bool {
    const PRONOUNS: &[&str] = &["هما", "هم", "هن", "ها", "ه"];
    let mut buf = String::new();
    PRONOUNS.iter().filter_map(|p| w.strip_suffix(p)).filter(|s| s.chars().count() >= 3).any(|stem| {
        // حكومتها → حكومت → حكومة (normalized حكومه)
        let stem = match stem.strip_suffix('ت') {
            Some(s) => {
                buf.clear();
                buf.push_str(s);
                buf.push('ه');
                buf.as_str()
            }
            None => stem,
        };
        ctx.t.word(stem).is_some()
    })
}

/// Whether a normalized word has a shape names do not have: a preposition with the article
/// (للمصارعة، بالميدالية) or with a noun and a pronoun (بتغلبه), the prefixes of a verb
/// (تتواصل، يستطيع، استقدم), a verbal noun's pattern (اقتراح).
fn verb_or_phrase(w: &str) -> bool {
    const PREFIXES: &[&str] = &["لل", "بال", "وال", "فال", "كال", "تت", "يت", "يست", "تست", "نست"];
    const PRONOUNS: &[&str] = &["ه", "ها", "هم", "هما"];
    let letters: Vec<char> = w.chars().collect();
    PREFIXES.iter().any(|p| w.starts_with(p))
        || w.starts_with("است") && letters.len() > 5
        // A verbal noun of the form افتعال (اقتراح، اجتماع، انتخاب).
        || letters.len() == 6 && letters[0] == 'ا' && letters[2] == 'ت' && letters[4] == 'ا'
        // A preposition and a noun with a pronoun (بتغلبه، لدعمهما).
        || (w.starts_with('ب') || w.starts_with('ل')) && PRONOUNS.iter().any(|p| w.ends_with(p)) && w.chars().count() > 4
}

/// A name between guillemets or quotation marks at token `k` (the opening mark).
fn quoted_at(ctx: &Ctx, k: usize) -> Option<Complement> {
    let close = match ctx.tok(k) {
        "«" => "»",
        "\"" => "\"",
        "“" => "”",
        _ => return None,
    };
    if !ctx.is_punct(k, &["«", "\"", "“"]) {
        return None;
    }
    let end = (k + 1..ctx.len().min(k + 2 + MAX_QUOTED)).find(|&j| !ctx.is_word(j))?;
    (end > k + 1 && ctx.is_punct(end, &[close])).then_some(Complement::Quoted(k + 1, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Doc;
    use crate::entities::tables::TABLES;

    fn found(text: &str) -> Vec<(Kind, String)> {
        let doc = Doc::new(text);
        let ctx = Ctx::new(&doc, &TABLES);
        let mut out = Vec::new();
        candidates(&ctx, &mut out);
        out.iter().map(|c| (c.kind, text[ctx.span(c).range()].to_string())).collect()
    }

    #[test]
    fn an_organization_head_keeps_its_complement_and_adjectives() {
        spans! { found;
            "أعلنت وزارة الخارجية الإسبانية" => [(Organization, "وزارة الخارجية الإسبانية")];
            "وقالت بوزارة الصحة" => [(Organization, "وزارة الصحة")];
            "فاز حزب سيريزا" => [(Organization, "حزب سيريزا")];
            "المنظمة العربية للتنمية الزراعية" => [(Organization, "المنظمة العربية للتنمية الزراعية")];
            "الحزب الشيوعي الفيتنامي" => [(Organization, "الحزب الشيوعي الفيتنامي")];
            "درس في جامعة الملك سعود" => [(Organization, "جامعة الملك سعود")];
        }
    }

    #[test]
    fn descriptions_are_no_organizations() {
        spans! { found;
            "انتقد الحزب الحاكم" => [];
            "حركة القمر حول الأرض" => [];
            "اجتمع مجلس الوزراء" => [];
            "اجتمع مجلس الوزراء الإيطالي" => [];
            "أطلقت قناة إذاعية" => [];
        }
    }

    #[test]
    fn a_descriptor_before_a_proper_name_is_dropped() {
        spans! { found;
            "أعلنت شركة مايكروسوفت" => [(Organization, "مايكروسوفت")];
            "قالت صحيفة «الوطن»" => [(Organization, "الوطن")];
            "وأعلنت شركة النفط الوطنية" => [(Organization, "شركة النفط الوطنية")];
        }
    }

    #[test]
    fn a_movement_head_is_part_of_the_name() {
        spans! { found;
            "قادة حركة أزواد" => [(Organization, "حركة أزواد")];
            "مقاتلو جماعة بوكو حرام" => [(Organization, "جماعة بوكو حرام")];
            // A war front is no movement.
            "على جبهة الجنوب اللبناني" => [];
        }
    }

    #[test]
    fn a_place_head_is_dropped() {
        spans! { found;
            "في مدينة حلب" => [(Location, "حلب")];
            "في قرية كفرنبل" => [(Location, "كفرنبل")];
            "بالقرب من نهر زانغو" => [(Location, "زانغو")];
            // An area head needs a proper name after it.
            "داخل منطقة الجزاء" => [];
            "في قطاع الطاقة" => [];
        }
    }

    #[test]
    fn relational_adjectives_have_their_shape() {
        assert!(relational("الاسلاميه") && relational("المصري") && !relational("الحاكم"));
    }
}
