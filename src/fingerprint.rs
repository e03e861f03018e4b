//! A fingerprint of anything serde can write: every number of it, bit for bit, and every word,
//! hashed (a number's bits a word at a time, each word mixed into every bit of the state). Two runs with the same fingerprint are the same run to the last bit
//! of every sample, session and day; the browser's page shows its run's, `lactosim run
//! --fingerprint` prints the desktop's, and the browser test compares them (`web/check.sh`).
//!
//! Written as a serde serializer that hashes as it goes (nothing is formatted or kept). Numbers
//! and fields go untagged and unnamed: it tells apart values of one type of a fixed shape (a
//! [`crate::run::Run`], which skips no field), not values of different types.

use serde::Serialize;
use serde::ser;

/// The fingerprint of `value`, as 16 hex digits.
pub fn of<T: Serialize + ?Sized>(value: &T) -> String {
    let mut hasher = Hasher(FNV_OFFSET);
    // A hashing serializer never fails.
    let _ = value.serialize(&mut hasher);
    format!("{:016x}", hasher.0)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

struct Hasher(u64);

impl Hasher {
    fn bytes(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.word(u64::from(*b));
        }
    }

    /// A number's 64 bits in one step (a word, not a byte at a time: a year's run has millions
    /// of numbers). FNV's multiply alone carries a difference only upwards (two sign flips
    /// cancelled in bit 63, a doubling moved only the top bits), so the state is mixed after
    /// it, as splitmix64's finaliser mixes: every bit of the word reaches every bit.
    fn word(&mut self, w: u64) {
        let mut z = (self.0 ^ w).wrapping_mul(FNV_PRIME);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        self.0 = z ^ (z >> 31);
    }

    /// A NaN's payload may differ between platforms (WebAssembly lets arithmetic choose it):
    /// every NaN is hashed as one.
    fn float(&mut self, bits: u64, is_nan: bool) {
        self.word(if is_nan { f64::NAN.to_bits() } else { bits });
    }

    /// A tag before a value whose shape is not fixed by its type (an option, a variant, a
    /// sequence's length), so that different shapes never hash alike by chance. Numbers and
    /// fields go untagged and unnamed: runs compared are of one type, and a year's run has a
    /// million numbers to hash inside one frame of the browser's page.
    fn tag(&mut self, tag: u8) {
        self.word(u64::from(tag));
    }
}

#[derive(Debug)]
struct Never;

impl std::fmt::Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("never")
    }
}

impl std::error::Error for Never {}

impl ser::Error for Never {
    fn custom<T: std::fmt::Display>(_msg: T) -> Self {
        Never
    }
}

type Done = Result<(), Never>;

impl ser::Serializer for &mut Hasher {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Done {
        self.tag(1);
        self.bytes(&[u8::from(v)]);
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Done {
        self.word(v as u64);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Done {
        self.word(v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Done {
        self.float(u64::from(v.to_bits()), v.is_nan());
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Done {
        self.float(v.to_bits(), v.is_nan());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Done {
        self.word(u64::from(u32::from(v)));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Done {
        self.tag(7);
        self.word(v.len() as u64);
        self.bytes(v.as_bytes());
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Done {
        self.tag(8);
        self.word(v.len() as u64);
        self.bytes(v);
        Ok(())
    }
    fn serialize_none(self) -> Done {
        self.tag(9);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        self.tag(10);
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.tag(11);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Done {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        index: u32,
        _variant: &'static str,
    ) -> Done {
        self.tag(12);
        self.word(u64::from(index));
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        index: u32,
        _variant: &'static str,
        value: &T,
    ) -> Done {
        self.tag(13);
        self.word(u64::from(index));
        value.serialize(self)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self, Never> {
        self.tag(14);
        self.word(len.unwrap_or(usize::MAX) as u64);
        Ok(self)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self, Never> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Self, Never> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        index: u32,
        _variant: &'static str,
        len: usize,
    ) -> Result<Self, Never> {
        self.tag(15);
        self.word(u64::from(index));
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self, Never> {
        self.tag(16);
        self.word(len.unwrap_or(usize::MAX) as u64);
        Ok(self)
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self, Never> {
        self.tag(17);
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self, Never> {
        self.tag(18);
        self.word(u64::from(index));
        Ok(self)
    }
}

/// The parts of a compound value: each element or field hashed in turn, and an end tag (a
/// sequence or map of no length told ends with one, so that `[[x], []]` and `[[], [x]]` differ).
macro_rules! hashes_parts {
    ($trait:ident, $method:ident, $end:expr) => {
        impl ser::$trait for &mut Hasher {
            type Ok = ();
            type Error = Never;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
                value.serialize(&mut **self)
            }
            fn end(self) -> Done {
                if let Some(tag) = $end {
                    self.tag(tag);
                }
                Ok(())
            }
        }
    };
}

hashes_parts!(SerializeSeq, serialize_element, Some(19));
hashes_parts!(SerializeTuple, serialize_element, None::<u8>);
hashes_parts!(SerializeTupleStruct, serialize_field, None::<u8>);
hashes_parts!(SerializeTupleVariant, serialize_field, None::<u8>);

impl ser::SerializeMap for &mut Hasher {
    type Ok = ();
    type Error = Never;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        self.tag(20);
        Ok(())
    }
}

/// A struct's fields, unnamed (one type, one shape: see the module's words).
macro_rules! hashes_fields {
    ($trait:ident) => {
        impl ser::$trait for &mut Hasher {
            type Ok = ();
            type Error = Never;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                _key: &'static str,
                value: &T,
            ) -> Done {
                value.serialize(&mut **self)
            }
            fn end(self) -> Done {
                Ok(())
            }
        }
    };
}

hashes_fields!(SerializeStruct);
hashes_fields!(SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::of;

    #[test]
    fn the_last_bit_of_a_number_changes_the_fingerprint() {
        let a = vec![1.0_f64, 2.0, 3.0];
        let mut b = a.clone();
        b[1] = f64::from_bits(b[1].to_bits() + 1);
        assert_eq!(of(&a), of(&a.clone()));
        assert_ne!(of(&a), of(&b));
        assert_eq!(of(&a).len(), 16);
    }

    /// What a multiply alone lets through: sign flips cancelling, doublings, round numbers.
    #[test]
    fn every_bit_of_a_number_counts() {
        let base = vec![1.0_f64, 2.0, 3.0, 4.0];
        let mut flipped = base.clone();
        flipped[0] = -flipped[0];
        flipped[2] = -flipped[2];
        assert_ne!(of(&base), of(&flipped));
        let doubled: Vec<f64> = base.iter().map(|x| 2.0 * x).collect();
        assert_ne!(of(&base)[4..], of(&doubled)[4..]);
        assert_ne!(of(&vec![0.5_f64, 9.0]), of(&vec![6.5_f64, 0.5]));
        let mut seen = std::collections::HashSet::new();
        for a in 0..200 {
            for b in 0..200 {
                assert!(
                    seen.insert(of(&vec![f64::from(a) / 2.0, f64::from(b) / 2.0])),
                    "{a} {b}"
                );
            }
        }
        // Every NaN is one.
        let nan = f64::from_bits(f64::NAN.to_bits() | 1);
        assert_eq!(of(&vec![f64::NAN]), of(&vec![nan]));
    }

    #[test]
    fn shapes_differ_even_with_the_same_numbers() {
        assert_ne!(of(&(vec![1.0_f64], vec![2.0_f64])), of(&vec![1.0_f64, 2.0]));
        assert_ne!(of(&Some(0_u64)), of(&0_u64));
    }
}
