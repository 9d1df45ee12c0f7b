//! The analysis result: spans over the original text and the entities they mention.

use serde::Serialize;

/// What a span marks. The names are the same in Rust, JSON, CSS classes and data attributes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Organization,
    Location,
    Misc,
    Date,
    Duration,
    /// A vague time reference (PAST_REF, PRESENT_REF, FUTURE_REF).
    Relative,
    /// A direct quotation: the quoted words, without the quotation marks.
    Quote,
    /// The words that introduce a quotation (قال، وأضاف «روته»:).
    Cue,
    /// Indirect speech (قال إن …), with its speaker.
    Reported,
    /// A descriptor of a person or body by role (وزير الخارجية الأمريكي، الأمين العام للحلف),
    /// linked to the entity when the article names who holds the role.
    Role,
}

impl Kind {
    pub const ALL: [Kind; 11] = [
        Kind::Person,
        Kind::Organization,
        Kind::Location,
        Kind::Misc,
        Kind::Date,
        Kind::Duration,
        Kind::Relative,
        Kind::Quote,
        Kind::Cue,
        Kind::Reported,
        Kind::Role,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Location => "location",
            Kind::Misc => "misc",
            Kind::Date => "date",
            Kind::Duration => "duration",
            Kind::Relative => "relative",
            Kind::Quote => "quote",
            Kind::Cue => "cue",
            Kind::Reported => "reported",
            Kind::Role => "role",
        }
    }

    pub fn is_entity(self) -> bool {
        matches!(self, Kind::Person | Kind::Organization | Kind::Location | Kind::Misc)
    }

    pub fn is_time(self) -> bool {
        matches!(self, Kind::Date | Kind::Duration | Kind::Relative)
    }
}

/// Who said a quotation: the speaker's entity and canonical name, when one can be attributed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Speaker {
    pub entity: Option<usize>,
    pub name: Option<String>,
}

/// One marked stretch of the original text.
///
/// `start..end` is a half-open range of UTF-8 byte offsets into the original text; it always
/// lies on char boundaries. Spans may nest (an entity inside a quote).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// The entity this span mentions (an index into [`Analysis::entities`]).
    pub entity: Option<usize>,
    /// A time expression's value (ISO 8601, TIMEX3-style) or a number's.
    pub value: Option<String>,
    /// A quotation's speaker.
    pub speaker: Option<Speaker>,
    /// Which kind of evidence found the span: `lexicon`, `rule`, `model`, `grammar`, `cue`, `marks`.
    pub source: &'static str,
    /// Why, in words a reader can follow (which lexicon, rule or pattern).
    pub why: String,
    /// The normalized form the span was matched on.
    pub norm: String,
}

impl Span {
    pub fn new(kind: Kind, start: usize, end: usize, source: &'static str, why: impl Into<String>) -> Span {
        Span { kind, start, end, entity: None, value: None, speaker: None, source, why: why.into(), norm: String::new() }
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// One real-world entity and how often the article mentions it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entity {
    pub id: usize,
    pub kind: Kind,
    /// The canonical name.
    pub name: String,
    pub mentions: usize,
}

/// Everything found in one text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Sorted by start, then longest first.
    pub spans: Vec<Span>,
    pub entities: Vec<Entity>,
}

impl Analysis {
    /// The spans of one kind.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Span> {
        self.spans.iter().filter(move |s| s.kind == kind)
    }
}
