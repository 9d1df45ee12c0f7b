//! The model file: compact, and parsed once.
//!
//! Little-endian throughout:
//!
//! ```text
//! magic        8 bytes   "KASHIFNE"
//! version      u32       FORMAT_VERSION
//! features     u32       the feature definitions it was trained with (features::FEATURES_VERSION)
//! labels       u8        L, the number of labels (O, then B- and I- for each kind: crf::LABELS)
//! scale        f32       one quantization step of an emission weight
//! start        f32 × L   transition scores from the sequence start, into each label
//! trans        f32 × L²  from label a (row) to label b (column)
//! end          f32 × L   from each label to the sequence end
//! count        u32       features kept
//! keys         varint × count   the feature keys, ascending, each as the gap from the previous
//! masks        varint × count   for each feature, the labels it has a weight for (bit y = label y)
//! weights      i8 × (set bits)   the weights, feature by feature, label by label, in steps of scale
//! ```
//!
//! Keys, masks and weights are stored as three runs rather than interleaved, so that gzip (the
//! wasm is served compressed) finds the regularities of each.

use super::crf::Labels;

const MAGIC: &[u8; 8] = b"KASHIFNE";

/// The version of this layout.
pub const FORMAT_VERSION: u32 = 1;

/// A model's parameters as stored: labels, transitions and quantized emission weights.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub features_version: u32,
    pub labels: Labels,
    pub scale: f32,
    pub start: Vec<f32>,
    pub trans: Vec<f32>,
    pub end: Vec<f32>,
    /// `(key, weights)` ascending by key; each row has one weight per label, zero where absent.
    pub rows: Vec<(u32, Vec<i8>)>,
}

/// Why bytes are not a model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError(pub String);

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "not a Kashif entity model: {}", self.0)
    }
}

impl std::error::Error for FormatError {}

impl Stored {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&self.features_version.to_le_bytes());
        out.push(self.labels.len() as u8);
        out.extend_from_slice(&self.scale.to_le_bytes());
        for v in self.start.iter().chain(&self.trans).chain(&self.end) {
            out.extend_from_slice(&v.to_le_bytes());
        }
        let rows: Vec<&(u32, Vec<i8>)> = self.rows.iter().filter(|(_, w)| w.iter().any(|&x| x != 0)).collect();
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        let mut prev = 0u32;
        for (key, _) in &rows {
            varint(&mut out, (key - prev) as u64);
            prev = *key;
        }
        for (_, w) in &rows {
            varint(&mut out, w.iter().enumerate().filter(|(_, &x)| x != 0).map(|(y, _)| 1u64 << y).sum());
        }
        for (_, w) in &rows {
            out.extend(w.iter().filter(|&&x| x != 0).map(|&x| x as u8));
        }
        out
    }

    pub fn parse(bytes: &[u8]) -> Result<Stored, FormatError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return Err(FormatError("bad magic".into()));
        }
        let version = r.u32()?;
        if version != FORMAT_VERSION {
            return Err(FormatError(format!("layout version {version}, this build reads {FORMAT_VERSION}")));
        }
        let features_version = r.u32()?;
        let labels = Labels::default();
        let n = r.take(1)?[0] as usize;
        if n != labels.len() {
            return Err(FormatError(format!("{n} labels, this build has {}", labels.len())));
        }
        let l = labels.len();
        let scale = r.f32()?;
        let mut floats = |n: usize| (0..n).map(|_| r.f32()).collect::<Result<Vec<f32>, _>>();
        let (start, trans, end) = (floats(l)?, floats(l * l)?, floats(l)?);
        let count = r.u32()? as usize;
        if count > bytes.len() {
            return Err(FormatError(format!("{count} features in {} bytes", bytes.len())));
        }
        let mut keys = Vec::with_capacity(count);
        let mut key = 0u64;
        for _ in 0..count {
            key += r.varint()?;
            if key > u32::MAX as u64 || (!keys.is_empty() && key == *keys.last().unwrap() as u64) {
                return Err(FormatError("feature keys out of order".into()));
            }
            keys.push(key as u32);
        }
        let masks = (0..count).map(|_| r.varint()).collect::<Result<Vec<u64>, _>>()?;
        let mut rows = Vec::with_capacity(count);
        for (key, mask) in keys.into_iter().zip(masks) {
            if mask >> l != 0 {
                return Err(FormatError(format!("a weight for label {} of {l}", 63 - mask.leading_zeros())));
            }
            let mut w = vec![0i8; l];
            for (y, slot) in w.iter_mut().enumerate() {
                if mask >> y & 1 == 1 {
                    *slot = r.take(1)?[0] as i8;
                }
            }
            rows.push((key, w));
        }
        if r.at != bytes.len() {
            return Err(FormatError(format!("{} bytes after the weights", bytes.len() - r.at)));
        }
        Ok(Stored { features_version, labels, scale, start, trans, end, rows })
    }
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], FormatError> {
        let s = self.bytes.get(self.at..self.at + n).ok_or_else(|| FormatError(format!("truncated at byte {}", self.at)))?;
        self.at += n;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, FormatError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }

    fn f32(&mut self) -> Result<f32, FormatError> {
        let v = f32::from_le_bytes(self.take(4)?.try_into().unwrap());
        if v.is_finite() {
            Ok(v)
        } else {
            Err(FormatError(format!("a score that is not a number at byte {}", self.at - 4)))
        }
    }

    fn varint(&mut self) -> Result<u64, FormatError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= ((b & 0x7f) as u64) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(FormatError("a number longer than 64 bits".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Stored {
        let labels = Labels::default();
        let l = labels.len();
        Stored {
            features_version: 7,
            scale: 0.0125,
            start: (0..l).map(|i| i as f32 * 0.5).collect(),
            trans: (0..l * l).map(|i| -(i as f32) / 7.0).collect(),
            end: vec![0.25; l],
            rows: vec![
                (3, (0..l).map(|y| if y % 3 == 0 { -128 } else { 0 }).collect()),
                (300, (0..l).map(|y| y as i8 - 4).collect()),
                (u32::MAX, (0..l).map(|y| if y == l - 1 { 127 } else { 0 }).collect()),
            ],
            labels,
        }
    }

    #[test]
    fn round_trips() {
        let m = sample();
        assert_eq!(Stored::parse(&m.to_bytes()).unwrap(), m);
    }

    #[test]
    fn rows_without_weights_are_not_stored() {
        let mut m = sample();
        m.rows.insert(1, (100, vec![0; 9]));
        let back = Stored::parse(&m.to_bytes()).unwrap();
        assert_eq!(back.rows.iter().map(|r| r.0).collect::<Vec<_>>(), vec![3, 300, u32::MAX]);
    }

    #[test]
    fn damaged_files_are_refused() {
        let bytes = sample().to_bytes();
        assert!(Stored::parse(&bytes[..bytes.len() - 1]).unwrap_err().0.contains("truncated"));
        assert!(Stored::parse(&[bytes.as_slice(), &[0]].concat()).unwrap_err().0.contains("after the weights"));
        assert!(Stored::parse(b"KASHIFNX").unwrap_err().0.contains("magic"));
        let mut v = bytes.clone();
        v[8] = 9;
        assert!(Stored::parse(&v).unwrap_err().0.contains("layout version 9"));
        let mut v = bytes.clone();
        v[16] = 17;
        assert!(Stored::parse(&v).unwrap_err().0.contains("17 labels"));
        let mut v = bytes;
        v[17..21].copy_from_slice(&f32::NAN.to_le_bytes());
        assert!(Stored::parse(&v).unwrap_err().0.contains("not a number"));
    }
}
