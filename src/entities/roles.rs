//! Role descriptors: a person named by the post they hold (وزير الخارجية الأمريكي، الأمين العام
//! للحلف، الرئيس الأمريكي المنتخب), linked to the person the article names with that role.
//!
//! A descriptor right before a name (وزير الخارجية الأمريكي أنتوني بلينكن) or right after one
//! (مارك روته، الأمين العام لحلف الناتو) says who holds the role. Any other descriptor of the
//! article, before or after those, links to the holder whose role is compatible: the same office
//! (with its portfolio), the same body or a word for it (للحلف ~ حلف شمال الأطلسي), and the same
//! modifier (المنتخب is not the sitting president). The best match wins, then the nearest holder
//! named before, then the nearest after, within about an article's length; a descriptor nobody
//! compatible holds is not marked.

use crate::normalize::normalize_str;

/// The body an office belongs to: a named one (الولايات المتحدة، حلف شمال الأطلسي), or a head
/// noun standing for one (الحلف).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Affiliation {
    /// The normalized name, or the head noun without its article.
    pub name: String,
    pub generic: bool,
}

impl Affiliation {
    pub fn named(name: &str) -> Affiliation {
        Affiliation::normalized(normalize_str(name))
    }

    /// A body by a name already normalized.
    pub fn normalized(name: String) -> Affiliation {
        Affiliation { name, generic: false }
    }

    /// A head noun standing for a body, already normalized.
    pub fn generic(head: &str) -> Affiliation {
        Affiliation { name: head.strip_prefix("ال").unwrap_or(head).to_string(), generic: true }
    }

    /// Whether two affiliations can be the same body.
    pub fn matches(&self, other: &Affiliation) -> bool {
        match (self.generic, other.generic) {
            (true, false) => head_noun(&other.name) == self.name,
            (false, true) => other.matches(self),
            _ => self.name == other.name,
        }
    }
}

/// The first word of a normalized name, without its article.
fn head_noun(name: &str) -> &str {
    let first = name.split(' ').next().unwrap_or("");
    first.strip_prefix("ال").unwrap_or(first)
}

/// What a role is: the office (with its portfolio), the body, the modifier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleKey {
    pub office: String,
    pub affiliation: Option<Affiliation>,
    pub modifier: Option<String>,
}

impl RoleKey {
    /// How well a descriptor (`self`) fits a role someone is named with (`held`); `None` when it
    /// cannot be the same role. The minister without a portfolio fits a minister with one a step
    /// less well than the same office (الوزير الأردني ~ وزير الخارجية الأردني); no other office
    /// stands for a longer one (الرئيس is not الرئيس التنفيذي, النائب not النائب العام).
    pub fn fit(&self, held: &RoleKey) -> Option<u8> {
        let exact = self.office == held.office;
        let general = self.office == MINISTER && held.office.strip_prefix(MINISTER).is_some_and(|portfolio| portfolio.starts_with(' '));
        if !exact && !general {
            return None;
        }
        let modifier = match (&self.modifier, &held.modifier) {
            (Some(a), Some(b)) if a == b => 2,
            (None, None) => 2,
            (None, Some(_)) => 0,
            _ => return None,
        };
        let affiliation = match (&self.affiliation, &held.affiliation) {
            (Some(a), Some(b)) if a.matches(b) => 4,
            (Some(_), Some(_)) => return None,
            (None, _) => 2,
            (Some(_), None) => 1,
        };
        Some(modifier + affiliation - u8::from(!exact))
    }
}

/// The office a portfolio follows (`data/lexicon/rules/titles.tsv`): وزير الخارجية is وزير with
/// the portfolio الخارجية.
const MINISTER: &str = "وزير";

/// A role someone is named with: the entity, the role, and where (a byte offset).
#[derive(Clone, Debug)]
pub struct Held {
    pub entity: usize,
    pub key: RoleKey,
    pub at: usize,
}

/// How far, in bytes, a descriptor looks for the person holding its role: about an article's
/// length, so that in a corpus one article's president is not the next one's.
pub const ROLE_WINDOW: usize = 24_000;

/// The entity a descriptor at byte offset `at` refers to, among the roles held in the article
/// (`held` sorted by offset).
pub fn link(key: &RoleKey, at: usize, held: &[Held]) -> Option<usize> {
    let from = held.partition_point(|h| h.at + ROLE_WINDOW < at);
    let to = held.partition_point(|h| h.at <= at + ROLE_WINDOW);
    held[from..to]
        .iter()
        .filter_map(|h| key.fit(&h.key).map(|fit| (fit, h)))
        // Best fit; then a holder named before the descriptor, nearest first; then the nearest after.
        .max_by_key(|(fit, h)| (*fit, h.at <= at, if h.at <= at { h.at } else { usize::MAX - h.at }))
        .map(|(_, h)| h.entity)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(office: &str, aff: Option<Affiliation>, modifier: Option<&str>) -> RoleKey {
        RoleKey { office: office.into(), affiliation: aff, modifier: modifier.map(Into::into) }
    }

    #[test]
    fn a_word_for_a_body_matches_the_body_it_heads() {
        let nato = Affiliation::named("حلف شمال الأطلسى");
        assert!(Affiliation::generic("حلف").matches(&nato));
        assert!(nato.matches(&Affiliation::generic("الحلف")));
        assert!(!Affiliation::generic("اتحاد").matches(&nato));
        assert!(Affiliation::named("الاتحاد الأوروبي").matches(&Affiliation::generic("الاتحاد")));
        assert_eq!(Affiliation::named("الأمم المتحدة"), Affiliation::normalized("الامم المتحده".into()));
    }

    #[test]
    fn fit_needs_the_same_office_and_compatible_qualifiers() {
        let us = || Some(Affiliation::named("الولايات المتحدة"));
        let elect = key("الرئيس", us(), Some("المنتخب"));
        let sitting = key("الرئيس", None, None);
        assert_eq!(key("الرئيس", us(), Some("المنتخب")).fit(&elect), Some(6));
        assert_eq!(key("الرئيس", us(), None).fit(&sitting), Some(3));
        assert_eq!(key("الرئيس", us(), None).fit(&elect), Some(4));
        assert_eq!(key("الرئيس", None, Some("المنتخب")).fit(&sitting), None);
        assert_eq!(key("الرئيس", Some(Affiliation::named("روسيا")), None).fit(&elect), None);
        assert_eq!(key("وزير الخارجية", us(), None).fit(&elect), None);
        // The minister, without the portfolio, is the minister with one, if nothing else differs.
        let foreign = key("وزير الخارجية", us(), None);
        assert_eq!(key("وزير", us(), None).fit(&foreign), Some(5));
        assert_eq!(key("وزير", Some(Affiliation::named("روسيا")), None).fit(&foreign), None);
        assert_eq!(foreign.fit(&key("وزير", us(), None)), None);
        assert_eq!(key("الرئيس", us(), None).fit(&key("الرئيس التنفيذي", us(), None)), None);
        assert_eq!(key("النائب", None, None).fit(&key("النائب العام", None, None)), None);
    }

    #[test]
    fn links_go_to_the_best_fit_then_the_nearest_before() {
        let us = || Some(Affiliation::named("الولايات المتحدة"));
        let held = vec![
            Held { entity: 0, key: key("الرئيس", None, None), at: 10 },
            Held { entity: 1, key: key("الرئيس", us(), Some("المنتخب")), at: 50 },
            Held { entity: 2, key: key("الرئيس", None, None), at: 90 },
        ];
        assert_eq!(link(&key("الرئيس", us(), Some("المنتخب")), 5, &held), Some(1));
        assert_eq!(link(&key("الرئيس", None, None), 60, &held), Some(0));
        assert_eq!(link(&key("الرئيس", None, None), 95, &held), Some(2));
        assert_eq!(link(&key("الرئيس", None, None), 5, &held), Some(0));
        assert_eq!(link(&key("الملك", None, None), 60, &held), None);
    }

    #[test]
    fn links_stay_within_an_article() {
        let held = vec![Held { entity: 7, key: key("الرئيس", None, None), at: 100 }];
        assert_eq!(link(&key("الرئيس", None, None), 100 + ROLE_WINDOW, &held), Some(7));
        assert_eq!(link(&key("الرئيس", None, None), 101 + ROLE_WINDOW, &held), None);
    }
}
