//! The bundled example articles, compiled into the binary. The CLI (`kashif seeds`,
//! `--seed ID`), the wasm `seeds()` export, the demo page and the tests all read this table.

/// One bundled article.
#[derive(Clone, Copy, Debug, serde::Serialize)]
pub struct Seed {
    /// The file name in `seeds/` without `.txt`.
    pub id: &'static str,
    pub title: &'static str,
    /// Publication date (YYYY-MM-DD): the reference date for relative time expressions.
    pub date: &'static str,
    /// Where the text comes from.
    pub source: &'static str,
    pub text: &'static str,
}

pub static SEEDS: &[Seed] = &[
    Seed {
        id: "000_e959e6794c9202b4",
        title: "أنتونى بلينكين ومارك روته.. سنوات نحو تعزيز حلف شمال الأطلسى",
        date: "2024-11-15",
        source: "Egyptian press, November 2024",
        text: include_str!("../seeds/000_e959e6794c9202b4.txt"),
    },
    Seed {
        id: "001_levant_composed",
        title: "وزير الخارجية اللبناني يبحث في عمّان تداعيات التصعيد جنوباً",
        date: "2024-03-08",
        source: "composed by the Kashif authors as an example in Levantine press style (not a real report)",
        text: include_str!("../seeds/001_levant_composed.txt"),
    },
    Seed {
        id: "002_maghreb_composed",
        title: "الجزائر تحتضن منتدى للطاقات المتجددة بمشاركة إفريقية واسعة",
        date: "2024-10-20",
        source: "composed by the Kashif authors as an example in Maghreb press style (not a real report)",
        text: include_str!("../seeds/002_maghreb_composed.txt"),
    },
];

/// The seed with this id (or a unique prefix of it).
pub fn find(id: &str) -> Option<&'static Seed> {
    if let Some(s) = SEEDS.iter().find(|s| s.id == id) {
        return Some(s);
    }
    let mut hits = SEEDS.iter().filter(|s| !id.is_empty() && s.id.starts_with(id));
    match (hits.next(), hits.next()) {
        (Some(s), None) => Some(s),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seed_is_well_formed() {
        for s in SEEDS {
            assert!(!s.text.trim().is_empty(), "{} is empty", s.id);
            assert!(s.date.parse::<crate::date::Date>().is_ok(), "{} has a bad date", s.id);
            assert!(s.text.starts_with(s.title), "{} does not open with its title", s.id);
            assert_eq!(find(s.id).map(|f| f.id), Some(s.id));
        }
        assert_eq!(find("000").map(|s| s.id), Some("000_e959e6794c9202b4"));
        assert!(find("").is_none() && find("nope").is_none());
    }
}
