//! Aliases: the mentions of one real entity get one entity id and one canonical name.
//!
//! - Lexicon aliases share their entry's canonical name (الناتو، حلف الناتو، حلف شمال الأطلسي).
//! - Spelling variants meet after normalization and a *skeleton* that drops the long vowels
//!   (ا و ي) inside longer words, so بلينكين and بلينكن are one person; short words keep their
//!   vowels, or سليمان and سلمان would merge.
//! - A surname alone names the person the article gives in full (روته → مارك روته): any word
//!   outside the other mentions that reads, after its proclitics, as the last word of a full
//!   person's name becomes a mention of that person.
//! - A role descriptor joins the person named with that role (see [`super::roles`]).

use crate::fxhash::FxHashMap;
use crate::span::{Entity, Kind, Span};

use super::roles::{link, Held};
use super::scan::Ctx;
use super::tables::class;
use super::Mention;

/// The shortest skeleton that long vowels may be dropped to, in letters.
const MIN_SKELETON: usize = 5;

/// A normalized word with its inner long vowels dropped, when what is left is long enough.
fn skeleton_word(w: &str) -> String {
    let mut chars = w.chars();
    let first = chars.next();
    let s: String = first.into_iter().chain(chars.filter(|c| !matches!(c, 'ا' | 'و' | 'ي'))).collect();
    if s.chars().count() >= MIN_SKELETON {
        s
    } else {
        w.to_string()
    }
}

/// The key under which mentions group: spelling variants of one name share it. `normalized` is
/// the name as normalization leaves it.
pub fn key(normalized: &str) -> String {
    normalized.split(' ').map(skeleton_word).collect::<Vec<_>>().join(" ")
}

/// Adds a person mention for every free word that is the surname of a person named in full,
/// and gives single-word person mentions the full name they stand for. `free[i]` says whether
/// token `i` lies outside all mentions.
pub fn surnames(ctx: &Ctx, mentions: &mut Vec<(usize, usize, Mention)>, free: &[bool]) {
    // normalized surname → the full mention (canonical name, grouping key, known). A surname with a particle
    // before it is two words (فان باستن، بن علي); one after عبد or أبو is not a surname at all.
    let mut full: FxHashMap<String, (String, String, bool)> = FxHashMap::default();
    for (start, end, m) in mentions.iter() {
        // Only a name the lexicon knows or that starts with a first name is sure enough.
        if m.span.kind != Kind::Person || end - start < 2 || !m.known && ctx.class(*start) & (class::FIRST | class::FIRST_AMBIGUOUS | class::CONNECTOR) == 0 {
            continue;
        }
        let last = end - 1;
        let not_alone = class::FUNCTION | class::COMMON | class::CUE | class::FIRST | class::FIRST_AMBIGUOUS | class::CONNECTOR | class::SUFFIX;
        if ctx.class(last) & not_alone != 0 || ctx.tok(last).chars().count() < 3 || ctx.class(last - 1) & class::CONNECTOR != 0 {
            continue;
        }
        // A guessed name's last word that is a common word in general use (ديفد دين: دين is
        // "debt") is no name alone; a name the lexicon knows (حسني مبارك) names its surname.
        if !m.known && crate::model::freq::is_common(ctx.tok(last)) {
            continue;
        }
        full.entry(ctx.tok(last).to_string()).or_insert_with(|| (m.canonical.clone(), m.key.clone(), m.known));
    }
    if full.is_empty() {
        return;
    }
    for (start, end, m) in mentions.iter_mut() {
        if m.span.kind == Kind::Person && *end == *start + 1 {
            if let Some((canonical, key, known)) = full.get(&m.span.norm) {
                m.canonical.clone_from(canonical);
                m.key.clone_from(key);
                m.known = *known;
            }
        }
    }
    // The byte lengths surnames have: most words are ruled out before any lookup.
    let lengths: u64 = full.keys().fold(0, |m, k| m | 1 << k.len().min(63));
    let text = ctx.doc.text();
    for (i, &free) in free.iter().enumerate() {
        // A word known as it stands (لصالح) is not read as proclitics and a surname.
        if !free || !ctx.is_word(i) || ctx.class(i) & (class::FUNCTION | class::COMMON) != 0 {
            continue;
        }
        let tok = &ctx.doc.tokens[i];
        let found = ctx
            .words
            .all(i)
            .iter()
            .filter(|r| lengths & 1 << (tok.end - tok.start - r.prefix + if r.merged_article { 2 } else { 0 }).min(63) != 0)
            .find_map(|&r| full.get(r.stem(tok, text).as_ref()).map(|f| (r, f)));
        if let Some((r, (canonical, key, known))) = found {
            let span = ctx.span_of(Kind::Person, r, i, i + 1, "rule", format!("alias: the surname of «{canonical}»"));
            mentions.push((i, i + 1, Mention { span, canonical: canonical.clone(), key: key.clone(), known: *known, role: None }));
        }
    }
}

/// Groups mentions into entities, numbering entities in order of first mention, and returns the
/// spans (sorted by start) with their entity ids set. Role descriptors take the id of the person
/// they describe; those nobody named holds are left out.
pub fn group(mut mentions: Vec<Mention>) -> (Vec<Span>, Vec<Entity>) {
    let order = |a: &Mention, b: &Mention| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end));
    let mut idx: Vec<usize> = (0..mentions.len()).collect();
    idx.sort_by(|&a, &b| order(&mentions[a], &mentions[b]));
    // Mentions meet by their grouping key: the skeleton of their canonical name.
    let mut by_name: FxHashMap<(Kind, &str), usize> = FxHashMap::default();
    let mut entities: Vec<Entity> = Vec::new();
    // Whether an entity's name comes from a lexicon, and the length of its longest mention.
    let mut named: Vec<(bool, usize)> = Vec::new();
    let mut entity_of = vec![None; mentions.len()];
    for &i in &idx {
        let m = &mentions[i];
        if m.span.kind == Kind::Role {
            continue;
        }
        let next = entities.len();
        let id = match by_name.get(&(m.span.kind, m.key.as_str())) {
            Some(&id) => id,
            None => {
                by_name.insert((m.span.kind, m.key.as_str()), next);
                next
            }
        };
        if id == next {
            entities.push(Entity { id, kind: m.span.kind, name: m.canonical.clone(), mentions: 0 });
            named.push((m.known, m.span.end - m.span.start));
        } else if !named[id].0 && (m.known || m.span.end - m.span.start > named[id].1) {
            // A rule-found name takes the lexicon's canonical form, or else its longest mention.
            entities[id].name.clone_from(&m.canonical);
            named[id] = (m.known, m.span.end - m.span.start);
        }
        entity_of[i] = Some(id);
    }
    // Roles someone is named with, then every descriptor linked to its holder.
    let mut held: Vec<Held> = mentions
        .iter()
        .filter_map(|m| {
            let role = m.role.as_ref()?;
            Some(Held { entity: entity_of[role.holder?]?, key: role.key.clone(), at: m.span.start })
        })
        .collect();
    held.sort_by_key(|h| h.at);
    for (i, m) in mentions.iter().enumerate() {
        if let Some(role) = &m.role {
            entity_of[i] = match role.holder.and_then(|h| entity_of[h]) {
                Some(e) => Some(e),
                None => link(&role.key, m.span.start, &held),
            };
        }
    }
    let mut spans = Vec::with_capacity(mentions.len());
    for i in idx {
        let Some(id) = entity_of[i] else { continue };
        let mut span = std::mem::replace(&mut mentions[i].span, Span::new(Kind::Misc, 0, 0, "", ""));
        entities[id].mentions += 1;
        span.entity = Some(id);
        spans.push(span);
    }
    (spans, entities)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skeletons_merge_long_vowel_variants_of_long_words_only() {
        assert_eq!(key("بلينكين"), key("بلينكن"));
        assert_eq!(key("انتوني بلينكين"), key("انتوني بلينكن"));
        assert_ne!(key("سليمان"), key("سلمان"));
        assert_ne!(key("حسين"), key("حسن"));
        assert_eq!(key("روته"), "روته");
    }
}
