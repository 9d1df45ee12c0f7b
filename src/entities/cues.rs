//! The words the rules read: titles and offices, head nouns of organizations and places,
//! adjectives of nationality, first names, function and common words. Reviewable data in
//! `data/lexicon/rules/`, compiled in, parsed once into [`super::tables::Tables`].
//!
//! | file | a line | what it is for |
//! |---|---|---|
//! | `titles.tsv` | phrase, class, canonical | a person after a title; role descriptors |
//! | `heads.tsv` | phrase, class | organizations and places from head nouns |
//! | `nisbas.tsv` | adjective, country | وزير الخارجية **الأمريكي** → the United States |
//! | `first_names.tsv` | name, optional `ambiguous`, `connector` or `suffix` | a person from a first name |
//! | `first_names_anercorp.tsv` | likewise, mined from ANERcorp | a person from a first name |
//! | `speech.txt` | a verb | قال، أضاف: an unknown word after one is a name |
//! | `function.txt` | a word | never part of a name (في، الذي، أمس …) |
//! | `common.txt` | a word | a frequent word that is not a name by itself |
//!
//! Title classes: `office` (a post a person holds: الرئيس، وزير، الأمين العام — these make role
//! descriptors), `honorific` (السيد، الدكتور، الشيخ), `occupation` (اللاعب، الكاتب), `modifier`
//! (المنتخب، السابق: part of a role), `epithet` (الجمهوري، الشهير: qualifies a title, not the
//! role), `portfolio` (الخارجية after وزير). Head classes: `org` (the
//! head is part of the name: حركة حماس، حزب العمال), `org-named` (likewise, before a known or
//! proper name only: حركة «طالبان» but not حركة القمر), `org-body` (likewise, for a body of its own:
//! وزارة الخارجية، مجلس الناتو), `org-descriptor` (dropped before a
//! proper name: شركة «مايكروسوفت», kept before words with the article: شركة النفط الوطنية),
//! `media` (always dropped: صحيفة «الدستور»), `team` (dropped, and a city after it is its club:
//! فريق «ليفربول»), `place` (dropped: مدينة «حلب»), `area` (dropped,
//! and only before a known or proper name: نهر «مهروت», but منطقة الجزاء is no place), and
//! `generic` for a phrase that describes an institution every country has (مجلس الوزراء).
//! A head is written without the article; its form with ال is derived. A nisba is written once,
//! masculine and without the article; its forms with ال and ة are derived.

use super::lexicon::{data_lines, LexiconError};
use crate::normalize::normalize_str;

/// The rule files.
pub static FILES: &[(&str, &str)] = &[
    ("titles", include_str!("../../data/lexicon/rules/titles.tsv")),
    ("heads", include_str!("../../data/lexicon/rules/heads.tsv")),
    ("nisbas", include_str!("../../data/lexicon/rules/nisbas.tsv")),
    ("first_names", include_str!("../../data/lexicon/rules/first_names.tsv")),
    ("first_names_anercorp", include_str!("../../data/lexicon/rules/first_names_anercorp.tsv")),
    ("speech", include_str!("../../data/lexicon/rules/speech.txt")),
    ("function", include_str!("../../data/lexicon/rules/function.txt")),
    ("common", include_str!("../../data/lexicon/rules/common.txt")),
];

/// What a cue phrase is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueKind {
    /// A post a person holds (الرئيس، وزير، الأمين العام).
    Office,
    /// A form of address (السيد، الدكتور، الشيخ).
    Honorific,
    /// A trade or standing before a name (اللاعب، الكاتب، المخرج).
    Occupation,
    /// A word that qualifies an office (المنتخب، السابق).
    Modifier,
    /// A word that qualifies a title without changing the role (الجمهوري، الشهير).
    Epithet,
    /// A minister's field (الخارجية، الدفاع).
    Portfolio,
    /// The head noun of an organization's name, part of the name, naming the organization
    /// itself (حركة حماس is Hamas).
    OrgHead,
    /// Like `OrgHead`, before a known or proper name only (حركة «طالبان», but حركة القمر is
    /// motion).
    OrgNamed,
    /// The head noun of a body's name, part of the name, the body its own (وزارة الخارجية،
    /// مجلس الناتو is not NATO).
    OrgBody,
    /// A noun that describes an organization named after it (شركة، وكالة): dropped before a
    /// proper name, kept before words with the article (شركة النفط الوطنية).
    OrgDescriptor,
    /// A noun that describes a newspaper, channel or site named after it (صحيفة، قناة): always
    /// dropped.
    Media,
    /// A noun that describes a sports team named after it (فريق): dropped; a city after it is
    /// the club.
    Team,
    /// A noun that describes a place named after it (مدينة، محافظة).
    PlaceHead,
    /// A noun that describes a place or feature named after it by a proper name, and a common
    /// thing before a word with the article (منطقة «كولون» but منطقة الجزاء، قطاع الطاقة).
    Area,
    /// An adjective of nationality (الأمريكي، المصرية).
    Nisba,
    /// A phrase a head starts that describes an institution every country has rather than
    /// naming an organization (مجلس الوزراء، مجلس النواب).
    Generic,
}

impl CueKind {
    /// The class bit of the words that start cues of this kind (see [`super::tables::class`]).
    pub fn family(self) -> u16 {
        use super::tables::class;
        match self {
            CueKind::Office | CueKind::Honorific | CueKind::Occupation => class::CUE_TITLE,
            CueKind::Modifier | CueKind::Epithet | CueKind::Portfolio | CueKind::Nisba => class::CUE_OTHER,
            _ => class::CUE_HEAD,
        }
    }
}

/// One cue: its kind and its canonical value (an office's name, a nisba's country), as written
/// and normalized.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    pub kind: CueKind,
    pub value: String,
    pub norm: String,
}

impl Cue {
    fn new(kind: CueKind, value: String) -> Cue {
        let norm = normalize_str(&value);
        Cue { kind, value, norm }
    }
}

/// What kind of word a single word is, for the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordList {
    /// A first name.
    First,
    /// A first name that is also a common word (أمل، سلام): only with another name after it.
    FirstAmbiguous,
    /// A word that joins the parts of a name (عبد، أبو، بن).
    Connector,
    /// A word that ends a compound name and is none by itself (الله in نصر الله، الدين).
    Suffix,
    /// A function word: never part of a name.
    Function,
    /// A common word: not a name token by itself.
    Common,
    /// A verb of saying: the speaker's name may follow.
    Speech,
}

/// Where a line comes from: its file and line number.
pub type Place = (&'static str, usize);

/// The parsed rule files.
#[derive(Debug, Default)]
pub struct Cues {
    pub phrases: Vec<(String, Cue, Place)>,
    pub words: Vec<(String, WordList, Place)>,
}

fn cue_kind(file: &str, class: &str) -> Option<CueKind> {
    Some(match (file, class) {
        ("titles", "office") => CueKind::Office,
        ("titles", "honorific") => CueKind::Honorific,
        ("titles", "occupation") => CueKind::Occupation,
        ("titles", "modifier") => CueKind::Modifier,
        ("titles", "epithet") => CueKind::Epithet,
        ("titles", "portfolio") => CueKind::Portfolio,
        ("heads", "org") => CueKind::OrgHead,
        ("heads", "org-body") => CueKind::OrgBody,
        ("heads", "org-named") => CueKind::OrgNamed,
        ("heads", "org-descriptor") => CueKind::OrgDescriptor,
        ("heads", "media") => CueKind::Media,
        ("heads", "team") => CueKind::Team,
        ("heads", "place") => CueKind::PlaceHead,
        ("heads", "area") => CueKind::Area,
        ("heads", "generic") => CueKind::Generic,
        _ => return None,
    })
}

/// The article and the feminine ending a nisba takes.
fn nisba_forms(adjective: &str) -> [String; 4] {
    [adjective.to_string(), format!("{adjective}ة"), format!("ال{adjective}"), format!("ال{adjective}ة")]
}

/// Reads the rule files.
pub fn parse(files: &[(&'static str, &str)]) -> Result<Cues, LexiconError> {
    let mut cues = Cues::default();
    for &(file, contents) in files {
        for (n, cols) in data_lines(contents) {
            let err = |m: String| LexiconError::new(file, n, m);
            let phrase = cols[0];
            if phrase.is_empty() {
                return Err(err("empty phrase".into()));
            }
            match file {
                "titles" | "heads" => {
                    let class = cols.get(1).ok_or_else(|| err("missing class column".into()))?;
                    let kind = cue_kind(file, class).ok_or_else(|| err(format!("unknown class {class:?}")))?;
                    let value = cols.get(2).filter(|v| !v.is_empty()).map_or(phrase, |v| v).to_string();
                    if file == "heads" && kind != CueKind::Generic {
                        cues.phrases.push((format!("ال{phrase}"), Cue::new(kind, value.clone()), (file, n)));
                    }
                    cues.phrases.push((phrase.to_string(), Cue::new(kind, value), (file, n)));
                }
                "nisbas" => {
                    let country = cols.get(1).filter(|c| !c.is_empty()).ok_or_else(|| err("missing country column".into()))?;
                    for f in nisba_forms(phrase) {
                        cues.phrases.push((f, Cue::new(CueKind::Nisba, country.to_string()), (file, n)));
                    }
                }
                "first_names" | "first_names_anercorp" => {
                    let list = match cols.get(1).copied().unwrap_or("") {
                        "" => WordList::First,
                        "ambiguous" => WordList::FirstAmbiguous,
                        "connector" => WordList::Connector,
                        "suffix" => WordList::Suffix,
                        other => return Err(err(format!("unknown class {other:?}"))),
                    };
                    cues.words.push((phrase.to_string(), list, (file, n)));
                }
                "function" | "common" | "speech" => {
                    if cols.len() > 1 || phrase.contains(' ') {
                        return Err(err("one word a line".into()));
                    }
                    let list = match file {
                        "function" => WordList::Function,
                        "common" => WordList::Common,
                        _ => WordList::Speech,
                    };
                    cues.words.push((phrase.to_string(), list, (file, n)));
                }
                _ => return Err(err(format!("unknown rule file {file:?}"))),
            }
        }
    }
    Ok(cues)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_heads_and_nisbas_become_cues() {
        let c = parse(&[
            ("titles", "الأمين العام\toffice\n# c\nأمين\toffice\tالأمين العام"),
            ("heads", "حزب\torg"),
            ("nisbas", "أمريكي\tالولايات المتحدة"),
        ])
        .unwrap();
        let got: Vec<(&str, CueKind, &str)> = c.phrases.iter().map(|(p, c, _)| (p.as_str(), c.kind, c.value.as_str())).collect();
        assert_eq!(c.phrases[1].2, ("titles", 3));
        assert_eq!(
            got,
            vec![
                ("الأمين العام", CueKind::Office, "الأمين العام"),
                ("أمين", CueKind::Office, "الأمين العام"),
                ("الحزب", CueKind::OrgHead, "حزب"),
                ("حزب", CueKind::OrgHead, "حزب"),
                ("أمريكي", CueKind::Nisba, "الولايات المتحدة"),
                ("أمريكية", CueKind::Nisba, "الولايات المتحدة"),
                ("الأمريكي", CueKind::Nisba, "الولايات المتحدة"),
                ("الأمريكية", CueKind::Nisba, "الولايات المتحدة"),
            ]
        );
    }

    #[test]
    fn word_lists_carry_their_class() {
        let c = parse(&[("first_names", "محمد\nأمل\tambiguous\nعبد\tconnector"), ("function", "في"), ("common", "قال"), ("speech", "أضاف")]).unwrap();
        let got: Vec<(&str, WordList)> = c.words.iter().map(|(w, l, _)| (w.as_str(), *l)).collect();
        assert_eq!(
            got,
            vec![
                ("محمد", WordList::First),
                ("أمل", WordList::FirstAmbiguous),
                ("عبد", WordList::Connector),
                ("في", WordList::Function),
                ("قال", WordList::Common),
                ("أضاف", WordList::Speech),
            ]
        );
        assert_eq!(c.words[2].2, ("first_names", 3));
    }

    #[test]
    fn bad_lines_are_reported_with_their_place() {
        assert_eq!(parse(&[("titles", "الرئيس\tboss")]).unwrap_err().to_string(), "titles.tsv line 1: unknown class \"boss\"");
        assert_eq!(parse(&[("heads", "حزب")]).unwrap_err().to_string(), "heads.tsv line 1: missing class column");
        assert_eq!(parse(&[("nisbas", "\nمصري")]).unwrap_err().to_string(), "nisbas.tsv line 2: missing country column");
        assert_eq!(parse(&[("common", "قال له")]).unwrap_err().to_string(), "common.tsv line 1: one word a line");
        assert_eq!(parse(&[("first_names", "سلام\tmaybe")]).unwrap_err().to_string(), "first_names.tsv line 1: unknown class \"maybe\"");
    }
}
