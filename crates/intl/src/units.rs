//! `style: "unit"` of `Intl.NumberFormat`: the units ECMA-402 sanctions,
//! named with ICU4X's CLDR unit display names (a plural-dependent pattern
//! per unit and width: "{0} km", "{0} kilometers", "{0}公里"), and the
//! amount written in them.

use fixed_decimal::Decimal;
use icu_decimal::DecimalFormatter;
use icu_decimal::options::DecimalFormatterOptions;
use icu_experimental::dimension::provider::units::categorized_display_names::{
    UnitsNamesAreaCoreV1, UnitsNamesAreaExtendedV1, UnitsNamesAreaOutlierV1,
    UnitsNamesDurationCoreV1, UnitsNamesDurationExtendedV1, UnitsNamesDurationOutlierV1,
    UnitsNamesLengthCoreV1, UnitsNamesLengthExtendedV1, UnitsNamesLengthOutlierV1,
    UnitsNamesMassCoreV1, UnitsNamesMassExtendedV1, UnitsNamesMassOutlierV1,
    UnitsNamesVolumeCoreV1, UnitsNamesVolumeExtendedV1, UnitsNamesVolumeOutlierV1,
};
use icu_experimental::dimension::provider::units::display_names::UnitsDisplayNames;
use icu_locale_core::{DataLocale, Locale};
use icu_plurals::PluralRules;
use icu_provider::marker::ErasedMarker;
use icu_provider::prelude::*;
use writeable::Writeable;

use crate::error::data_error;
use crate::number_parts::NumberParts;
use crate::{FormattedPart, IntlError};

/// ECMA-402's sanctioned simple units (IsSanctionedSingleUnitIdentifier).
pub const SANCTIONED_UNITS: &[&str] = &[
    "acre",
    "bit",
    "byte",
    "celsius",
    "centimeter",
    "day",
    "degree",
    "fahrenheit",
    "fluid-ounce",
    "foot",
    "gallon",
    "gigabit",
    "gigabyte",
    "gram",
    "hectare",
    "hour",
    "inch",
    "kilobit",
    "kilobyte",
    "kilogram",
    "kilometer",
    "liter",
    "megabit",
    "megabyte",
    "meter",
    "microsecond",
    "mile",
    "mile-scandinavian",
    "milliliter",
    "millimeter",
    "millisecond",
    "minute",
    "month",
    "nanosecond",
    "ounce",
    "percent",
    "petabyte",
    "pound",
    "second",
    "stone",
    "terabit",
    "terabyte",
    "week",
    "yard",
    "year",
];

/// `unitDisplay`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UnitDisplay {
    /// `short` (`1.5 km`).
    #[default]
    Short,
    /// `narrow` (`1.5km`).
    Narrow,
    /// `long` (`1.5 kilometers`).
    Long,
}

impl UnitDisplay {
    /// The option's name.
    pub fn as_str(self) -> &'static str {
        match self {
            UnitDisplay::Short => "short",
            UnitDisplay::Narrow => "narrow",
            UnitDisplay::Long => "long",
        }
    }
}

/// Checks a `unit` option as ECMA-402's IsWellFormedUnitIdentifier does:
/// a sanctioned unit, or two joined by `-per-`.
pub(crate) fn check_unit(unit: &str) -> Result<(), IntlError> {
    let sanctioned = |u: &str| SANCTIONED_UNITS.contains(&u);
    let ok = match unit.split_once("-per-") {
        Some((a, b)) => sanctioned(a) && sanctioned(b),
        None => sanctioned(unit),
    };
    if ok {
        Ok(())
    } else {
        Err(IntlError::Range(format!(
            "Invalid unit argument for Intl.NumberFormat() '{unit}'"
        )))
    }
}

/// One unit's names in one locale and width, with the locale's plural
/// rules to pick among them.
struct UnitNames {
    names: DataPayload<ErasedMarker<UnitsDisplayNames<'static>>>,
    plurals: PluralRules,
}

/// Loads `M`'s names for `attribute` (`short-kilometer`) when it has them.
fn load<M>(
    locale: &DataLocale,
    attribute: &DataMarkerAttributes,
) -> Option<DataPayload<ErasedMarker<UnitsDisplayNames<'static>>>>
where
    M: DataMarker<DataStruct = UnitsDisplayNames<'static>>,
    icu_experimental::provider::Baked: DataProvider<M>,
{
    let request = DataRequest {
        id: DataIdentifierBorrowed::for_marker_attributes_and_locale(attribute, locale),
        ..Default::default()
    };
    DataProvider::<M>::load(&icu_experimental::provider::Baked, request)
        .ok()
        .map(|r| r.payload.cast())
}

impl UnitNames {
    /// The names of a checked `unit` in `locale`; a sanctioned unit whose
    /// category ICU4X has no names for (temperature, digital, angle,
    /// percent, compound `-per-` units) is a `RangeError` saying so.
    fn try_new(locale: &Locale, unit: &str, display: UnitDisplay) -> Result<Self, IntlError> {
        let key = format!("{}-{unit}", display.as_str());
        let attribute = DataMarkerAttributes::try_from_str(&key)
            .map_err(|_| IntlError::Range(format!("Invalid unit {unit}")))?;
        let data_locale = DataLocale::from(locale);
        // The extended markers first: ICU4X's core markers answer every
        // width with the short names ("1 km" for long).
        let names = load::<UnitsNamesLengthExtendedV1>(&data_locale, attribute)
            .or_else(|| load::<UnitsNamesLengthOutlierV1>(&data_locale, attribute))
            .or_else(|| load::<UnitsNamesLengthCoreV1>(&data_locale, attribute))
            .or_else(|| load::<UnitsNamesMassExtendedV1>(&data_locale, attribute))
            .or_else(|| load::<UnitsNamesMassOutlierV1>(&data_locale, attribute))
            .or_else(|| load::<UnitsNamesMassCoreV1>(&data_locale, attribute))
            .or_else(|| load::<UnitsNamesVolumeExtendedV1>(&data_locale, attribute))
            .or_else(|| load::<UnitsNamesVolumeOutlierV1>(&data_locale, attribute))
            .or_else(|| load::<UnitsNamesVolumeCoreV1>(&data_locale, attribute))
            .or_else(|| load::<UnitsNamesAreaExtendedV1>(&data_locale, attribute))
            .or_else(|| load::<UnitsNamesAreaOutlierV1>(&data_locale, attribute))
            .or_else(|| load::<UnitsNamesAreaCoreV1>(&data_locale, attribute))
            .or_else(|| load::<UnitsNamesDurationExtendedV1>(&data_locale, attribute))
            .or_else(|| load::<UnitsNamesDurationOutlierV1>(&data_locale, attribute))
            .or_else(|| load::<UnitsNamesDurationCoreV1>(&data_locale, attribute))
            .ok_or_else(|| {
                IntlError::Range(format!(
                    "Intl.NumberFormat unit \"{unit}\" is not supported by mpcanvas: ICU4X has unit names for length, mass, volume, area and duration only"
                ))
            })?;
        let plurals = PluralRules::try_new_cardinal(locale.into())
            .map_err(|e| data_error("plural data", e))?;
        Ok(UnitNames { names, plurals })
    }

    /// `value` (already formatted as `number`) in the unit's pattern for
    /// the value's plural category.
    fn pattern_for<'a, W: Writeable + 'a>(
        &'a self,
        value: &Decimal,
        number: W,
    ) -> impl Writeable + 'a {
        self.names
            .get()
            .get(value.into(), &self.plurals)
            .interpolate((number,))
    }
}

/// A unit's names and the formatter of the amount written in them.
pub(crate) struct UnitFormat {
    names: UnitNames,
    amount: DecimalFormatter,
}

impl UnitFormat {
    /// Formatters for a checked `unit` in `locale` and `display` width,
    /// the amount written with `decimal_options`.
    pub(crate) fn try_new(
        locale: &Locale,
        unit: &str,
        display: UnitDisplay,
        decimal_options: DecimalFormatterOptions,
    ) -> Result<Self, IntlError> {
        Ok(UnitFormat {
            names: UnitNames::try_new(locale, unit, display)?,
            amount: DecimalFormatter::try_new(locale.into(), decimal_options)
                .map_err(|e| data_error("number format data", e))?,
        })
    }

    /// The parts of `value`, rounded and signed already.
    pub(crate) fn parts(&self, value: &Decimal) -> Vec<FormattedPart> {
        NumberParts::of(
            &self.names.pattern_for(value, self.amount.format(value)),
            "unit",
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::{NumberFormat, NumberOptions, NumberStyle, UnitDisplay};

    fn fmt(locale: &str, display: UnitDisplay, x: f64) -> String {
        let locale = crate::canonical_locale(locale).unwrap();
        let options = NumberOptions {
            style: NumberStyle::Unit("kilometer".into(), display),
            ..Default::default()
        };
        NumberFormat::try_new(&locale, options).unwrap().format(x)
    }

    #[test]
    fn units_use_cldr_names_by_width() {
        assert_eq!(fmt("en-US", UnitDisplay::Short, 1234.5), "1,234.5 km");
        assert_eq!(fmt("en-US", UnitDisplay::Long, 1.0), "1 kilometer");
        assert_eq!(fmt("zh-CN", UnitDisplay::Short, 2.0), "2公里");
    }
}
