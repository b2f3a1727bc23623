//! What a run depends on besides its inputs, injectable for deterministic
//! tests: the device, the clock and the randomness of temp file names.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::time::{SystemTime, UNIX_EPOCH};

/// The simulated phone (PL §2).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Device {
    /// Screen width in CSS px.
    pub screen_width: f64,
    /// Screen height in CSS px.
    pub screen_height: f64,
    /// Device pixel ratio.
    pub dpr: f64,
}

impl Default for Device {
    /// 375×667 CSS px at dpr 2, the WeChat developer tool's default phone
    /// (PL §2 decision).
    fn default() -> Self {
        Device {
            screen_width: 375.0,
            screen_height: 667.0,
            dpr: 2.0,
        }
    }
}

/// Wall-clock time, for album file names.
pub trait Clock {
    /// Seconds since the Unix epoch.
    fn unix_seconds(&self) -> u64;
}

/// The system clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn unix_seconds(&self) -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    }
}

/// A clock stopped at a given second.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub u64);

impl Clock for FixedClock {
    fn unix_seconds(&self) -> u64 {
        self.0
    }
}

/// Source of the random part of temp file names.
pub trait Entropy {
    /// 128 random bits.
    fn next_u128(&mut self) -> u128;

    /// 32 lowercase hex digits.
    fn hex32(&mut self) -> String {
        format!("{:032x}", self.next_u128())
    }
}

/// Randomness from the standard library's per-process hash keys (SipHash
/// keyed from the OS), mixed with a counter: unpredictable names without a
/// dependency. Not for cryptography.
#[derive(Debug, Clone)]
pub struct OsEntropy {
    state: RandomState,
    counter: u64,
}

impl Default for OsEntropy {
    fn default() -> Self {
        OsEntropy {
            state: RandomState::new(),
            counter: 0,
        }
    }
}

impl OsEntropy {
    fn next_u64(&mut self) -> u64 {
        self.counter += 1;
        let mut h = self.state.build_hasher();
        h.write_u64(self.counter);
        h.finish()
    }
}

impl Entropy for OsEntropy {
    fn next_u128(&mut self) -> u128 {
        (u128::from(self.next_u64()) << 64) | u128::from(self.next_u64())
    }
}

/// Deterministic names for tests: 1, 2, 3, … from `start`.
#[derive(Debug, Clone, Copy, Default)]
pub struct SequenceEntropy {
    next: u128,
}

impl SequenceEntropy {
    /// Starts at `start`.
    pub fn starting_at(start: u128) -> Self {
        SequenceEntropy { next: start }
    }
}

impl Entropy for SequenceEntropy {
    fn next_u128(&mut self) -> u128 {
        self.next += 1;
        self.next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_entropy_gives_distinct_32_digit_hex_names() {
        let mut e = OsEntropy::default();
        let (a, b) = (e.hex32(), e.hex32());
        assert_ne!(a, b);
        for h in [a, b] {
            assert_eq!(h.len(), 32);
            assert!(
                h.bytes()
                    .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
            );
        }
    }

    #[test]
    fn sequence_entropy_is_deterministic() {
        let mut e = SequenceEntropy::starting_at(0xff);
        assert_eq!(e.hex32(), "00000000000000000000000000000100");
        assert_eq!(e.hex32(), "00000000000000000000000000000101");
    }
}
