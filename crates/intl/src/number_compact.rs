//! `notation: "compact"` of `Intl.NumberFormat`: the value in the locale's
//! compact unit (`1.2万`, `12K`, `12 thousand`), rounded as V8 rounds it,
//! with the digits inside the compact pattern typed as parts.

use fixed_decimal::{Decimal, Sign};
use icu_decimal::options::{
    CompactDecimalFormatterOptions, DecimalFormatterOptions, GroupingStrategy,
};
use icu_decimal::{CompactDecimalFormatter, DecimalFormatter};
use icu_locale_core::Locale;

use crate::error::data_error;
use crate::number_parts::NumberParts;
use crate::{FormattedPart, IntlError};

/// `compactDisplay` of `notation: "compact"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompactDisplay {
    /// `short` (`1.2万`, `12K`).
    Short,
    /// `long` (`1.2万`, `12 thousand`).
    Long,
}

impl CompactDisplay {
    /// The option's value.
    pub fn as_str(self) -> &'static str {
        match self {
            CompactDisplay::Short => "short",
            CompactDisplay::Long => "long",
        }
    }
}

/// The compact formatter and a plain one for the parts of its digits
/// (ICU4X's compact formatter writes them unmarked).
pub(crate) struct CompactFormat {
    compact: CompactDecimalFormatter,
    plain: DecimalFormatter,
}

impl CompactFormat {
    /// Formatters for `locale` in `display` width; `grouping` is the
    /// strategy `decimal_options` also holds.
    pub(crate) fn try_new(
        locale: &Locale,
        display: CompactDisplay,
        grouping: GroupingStrategy,
        decimal_options: DecimalFormatterOptions,
    ) -> Result<Self, IntlError> {
        let err = |e| data_error("number format data", e);
        let opts = CompactDecimalFormatterOptions::from(grouping);
        let compact = match display {
            CompactDisplay::Short => CompactDecimalFormatter::try_new_short(locale.into(), opts),
            CompactDisplay::Long => CompactDecimalFormatter::try_new_long(locale.into(), opts),
        }
        .map_err(err)?;
        Ok(CompactFormat {
            compact,
            plain: DecimalFormatter::try_new(locale.into(), decimal_options).map_err(err)?,
        })
    }

    /// The parts of `value`, already signed as `signDisplay` decides.
    pub(crate) fn parts(&self, value: Decimal) -> Vec<FormattedPart> {
        let value = self.rounded(value);
        let digits = NumberParts::of(&self.plain.format(&self.scaled(&value)), "literal");
        NumberParts::of_with_digits(&self.compact.format(&value), "compact", &digits)
    }

    /// The parts of a (signed) zero, the pattern NaN and the infinities
    /// are written in.
    pub(crate) fn zero_parts(&self, zero: &Decimal) -> Vec<FormattedPart> {
        NumberParts::of_with_digits(
            &self.compact.format(zero),
            "compact",
            &NumberParts::of(&self.plain.format(&Decimal::from(0)), "literal"),
        )
    }

    /// The (rounded) value in the compact unit it prints in: 12345 →
    /// 1.2345 for "1.2万", the digits the compact pattern holds.
    fn scaled(&self, value: &Decimal) -> Decimal {
        let mut scaled = value.clone();
        scaled.sign = Sign::None;
        if value.absolute.is_zero() {
            return scaled;
        }
        let magnitude = value.absolute.nonzero_magnitude_start();
        let exponent = i16::from(self.compact.compact_exponent_for_magnitude(magnitude));
        scaled.multiply_pow10(-exponent);
        scaled.absolute.trim_end();
        scaled
    }

    /// The value rounded half away from zero where ICU4X's compact
    /// formatter rounds it (half to even): to an integer in the compact
    /// unit, or to two significant digits below 10 units, as V8's compact
    /// rounding does.
    fn rounded(&self, mut value: Decimal) -> Decimal {
        if value.absolute.is_zero() {
            return value;
        }
        let magnitude = value.absolute.nonzero_magnitude_start();
        let exponent = i16::from(self.compact.compact_exponent_for_magnitude(magnitude));
        let position = if magnitude > exponent {
            exponent
        } else {
            magnitude - 1
        };
        value.round_with_mode(
            position,
            fixed_decimal::SignedRoundingMode::Unsigned(
                fixed_decimal::UnsignedRoundingMode::HalfExpand,
            ),
        );
        value
    }
}
