//! Colour space conversion to (unclamped) sRGB, in f32.
//!
//! Mirrors the arithmetic Chromium uses (skcms matrices and its fast
//! `powf` approximation for transfer functions) so that the 8-bit result
//! agrees with Chromium's pixels, not just with the spec's exact maths.

#![allow(clippy::excessive_precision, reason = "constants kept digit for digit as Chromium writes them")]

use super::Space;

type Vec3 = [f32; 3];
type Mat3 = [[f32; 3]; 3];

/// A parametric transfer function: `(a x + b)^g + e` for `x >= d`, else `c x + f`.
#[derive(Clone, Copy)]
struct Tf {
    g: f32,
    a: f32,
    b: f32,
    c: f32,
    d: f32,
    e: f32,
    f: f32,
}

const fn gamma(g: f32) -> Tf {
    Tf { g, a: 1.0, b: 0.0, c: 0.0, d: 0.0, e: 0.0, f: 0.0 }
}

const SRGB_TF: Tf = Tf {
    g: 2.4,
    a: (1.0 / 1.055) as f32,
    b: (0.055 / 1.055) as f32,
    c: (1.0 / 12.92) as f32,
    d: 0.04045,
    e: 0.0,
    f: 0.0,
};
const REC2020_TF: Tf =
    Tf { g: 2.22222, a: 0.909672, b: 0.0903276, c: 0.222222, d: 0.0812429, e: 0.0, f: 0.0 };

/// 16.16 fixed point, as ICC profiles (and Skia's sRGB gamut) store it.
const fn fixed(v: i32) -> f32 {
    v as f32 * (1.0 / 65536.0)
}

const SRGB_TO_XYZD50: Mat3 = [
    [fixed(0x6FA2), fixed(0x6299), fixed(0x24A0)],
    [fixed(0x38F5), fixed(0xB785), fixed(0x0F84)],
    [fixed(0x0390), fixed(0x18DA), fixed(0xB6CF)],
];
const ADOBE_TO_XYZD50: Mat3 = [
    [fixed(0x9c18), fixed(0x348d), fixed(0x2631)],
    [fixed(0x4fa5), fixed(0xa02c), fixed(0x102f)],
    [fixed(0x04fc), fixed(0x0f95), fixed(0xbe9c)],
];
const P3_TO_XYZD50: Mat3 = [
    [0.515102, 0.291965, 0.157153],
    [0.241182, 0.692236, 0.0665819],
    [-0.00104941, 0.0418818, 0.784378],
];
const REC2020_TO_XYZD50: Mat3 = [
    [0.673459, 0.165661, 0.125100],
    [0.279033, 0.675338, 0.0456288],
    [-0.00193139, 0.0299794, 0.797162],
];
/// Björn Ottosson's OKLab matrices, as Chromium writes them.
const XYZ_TO_LMS: Mat3 = [
    [0.8190224432164319, 0.3619062562801221, -0.12887378261216414],
    [0.0329836671980271, 0.9292868468965546, 0.03614466816999844],
    [0.048177199566046255, 0.26423952494422764, 0.6335478258136937],
];
const OKLAB_TO_LMS: Mat3 = [
    [0.99999999845051981432, 0.39633779217376785678, 0.21580375806075880339],
    [1.0000000088817607767, -0.1055613423236563494, -0.063854174771705903402],
    [1.0000000546724109177, -0.089484182094965759684, -1.2914855378640917399],
];
const D50: Vec3 = [0.9642, 1.0, 0.8251];

/// Converts stored channels to sRGB (gamma-encoded, not clamped).
pub(super) fn to_srgb(space: Space, p: Vec3) -> Vec3 {
    match space {
        Space::Rgb => p.map(|c| (f64::from(c) / 255.0) as f32),
        Space::Srgb => p,
        Space::Hsl => hsl_to_srgb(p[0], p[1], p[2]),
        Space::Hwb => hwb_to_srgb(p[0], p[1], p[2]),
        Space::SrgbLinear => encode_srgb(p),
        Space::DisplayP3 => xyzd50_to_srgb(mul(&P3_TO_XYZD50, tf_apply(&SRGB_TF, p))),
        Space::A98Rgb => xyzd50_to_srgb(mul(&ADOBE_TO_XYZD50, tf_apply(&gamma(2.2), p))),
        Space::ProPhoto => xyzd50_to_srgb(mul(&prophoto_to_xyzd50(), tf_apply(&gamma(1.8), p))),
        Space::Rec2020 => xyzd50_to_srgb(mul(&REC2020_TO_XYZD50, tf_apply(&REC2020_TF, p))),
        Space::XyzD50 => xyzd50_to_srgb(p),
        Space::XyzD65 => xyzd65_to_srgb(p),
        Space::Lab => xyzd50_to_srgb(lab_to_xyzd50(p)),
        Space::Lch => xyzd50_to_srgb(lab_to_xyzd50(lch_to_lab(p))),
        Space::Oklab => xyzd65_to_srgb(oklab_to_xyzd65(p)),
        Space::Oklch => xyzd65_to_srgb(oklab_to_xyzd65(lch_to_lab(p))),
    }
}

/// CSS Color 4 hsl-to-rgb; hue in degrees.
fn hsl_to_srgb(h: f32, s: f32, l: f32) -> Vec3 {
    if s == 0.0 {
        return [l; 3];
    }
    let f = |n: f32| {
        let k = (n + h / 30.0) % 12.0;
        let a = s * l.min(1.0 - l);
        l - a * (k - 3.0).min(9.0 - k).min(1.0).max(-1.0)
    };
    [f(0.0), f(8.0), f(4.0)]
}

fn hwb_to_srgb(h: f32, w: f32, b: f32) -> Vec3 {
    if w + b >= 1.0 {
        return [w / (w + b); 3];
    }
    hsl_to_srgb(h, 1.0, 0.5).map(|c| c + (w - (w + b) * c))
}

fn lab_to_xyzd50([l, a, b]: Vec3) -> Vec3 {
    let fy = (l + 16.0) / 116.0;
    let fx = fy + a / 500.0;
    let fz = fy - b / 200.0;
    let inv = |t: f32| {
        if t <= 24.0 / 116.0 {
            (108.0 / 841.0) * (t - 16.0 / 116.0)
        } else {
            t * t * t
        }
    };
    [inv(fx) * D50[0], inv(fy) * D50[1], inv(fz) * D50[2]]
}

/// Polar to rectangular; the hue is in degrees.
fn lch_to_lab([l, c, h]: Vec3) -> Vec3 {
    let rad = h * std::f32::consts::PI / 180.0;
    [l, c * rad.cos(), c * rad.sin()]
}

fn oklab_to_xyzd65(lab: Vec3) -> Vec3 {
    let lms = mul(&OKLAB_TO_LMS, lab).map(|v| v * v * v);
    mul(&invert(&XYZ_TO_LMS), lms)
}

fn xyzd50_to_srgb(xyz: Vec3) -> Vec3 {
    encode_srgb(mul(&invert(&SRGB_TO_XYZD50), xyz))
}

fn xyzd65_to_srgb(xyz: Vec3) -> Vec3 {
    let m = concat(&invert(&SRGB_TO_XYZD50), &adapt_to_d50(0.3127, 0.3290));
    encode_srgb(mul(&m, xyz))
}

/// Linear-light sRGB to gamma-encoded sRGB.
fn encode_srgb(v: Vec3) -> Vec3 {
    tf_apply(&tf_invert(&SRGB_TF), v)
}

fn mul(m: &Mat3, v: Vec3) -> Vec3 {
    m.map(|row| row[0] * v[0] + row[1] * v[1] + row[2] * v[2])
}

fn concat(a: &Mat3, b: &Mat3) -> Mat3 {
    let mut out = [[0.0; 3]; 3];
    for (r, row) in out.iter_mut().enumerate() {
        for (c, cell) in row.iter_mut().enumerate() {
            *cell = a[r][0] * b[0][c] + a[r][1] * b[1][c] + a[r][2] * b[2][c];
        }
    }
    out
}

/// Inverse via the adjugate, computed in f64 and narrowed (as skcms does).
fn invert(m: &Mat3) -> Mat3 {
    let a = m.map(|row| row.map(f64::from));
    let cof = |r: usize, c: usize| {
        let (r1, r2) = ((r + 1) % 3, (r + 2) % 3);
        let (c1, c2) = ((c + 1) % 3, (c + 2) % 3);
        a[r1][c1] * a[r2][c2] - a[r1][c2] * a[r2][c1]
    };
    let det = a[0][0] * cof(0, 0) + a[0][1] * cof(0, 1) + a[0][2] * cof(0, 2);
    let inv_det = 1.0 / det;
    let mut out = [[0.0; 3]; 3];
    for (r, row) in out.iter_mut().enumerate() {
        for (c, cell) in row.iter_mut().enumerate() {
            *cell = (cof(c, r) * inv_det) as f32;
        }
    }
    out
}

/// Bradford adaptation from white point (wx, wy) to D50.
fn adapt_to_d50(wx: f32, wy: f32) -> Mat3 {
    const XYZ_TO_CONE: Mat3 =
        [[0.8951, 0.2664, -0.1614], [-0.7502, 1.7135, 0.0367], [0.0389, -0.0685, 1.0296]];
    const CONE_TO_XYZ: Mat3 = [
        [0.9869929, -0.1470543, 0.1599627],
        [0.4323053, 0.5183603, 0.0492912],
        [-0.0085287, 0.0400428, 0.9684867],
    ];
    let white = [wx / wy, 1.0, (1.0 - wx - wy) / wy];
    let src = mul(&XYZ_TO_CONE, white);
    let dst = mul(&XYZ_TO_CONE, [0.96422, 1.0, 0.82521]);
    let mut scale = [[0.0; 3]; 3];
    for i in 0..3 {
        scale[i][i] = dst[i] / src[i];
    }
    concat(&CONE_TO_XYZ, &concat(&scale, &XYZ_TO_CONE))
}

/// ProPhoto RGB primaries (D50 white) to an RGB-to-XYZD50 matrix.
fn prophoto_to_xyzd50() -> Mat3 {
    let (rx, ry, gx, gy, bx, by) = (0.7347f32, 0.2653f32, 0.1596f32, 0.8404f32, 0.0366f32, 0.0001f32);
    let (wx, wy) = (0.34567f32, 0.35850f32);
    let prim = [[rx, gx, bx], [ry, gy, by], [1.0 - rx - ry, 1.0 - gx - gy, 1.0 - bx - by]];
    let white = [wx / wy, 1.0, (1.0 - wx - wy) / wy];
    let s = mul(&invert(&prim), white);
    let scale = [[s[0], 0.0, 0.0], [0.0, s[1], 0.0], [0.0, 0.0, s[2]]];
    concat(&adapt_to_d50(wx, wy), &concat(&prim, &scale))
}

fn tf_apply(tf: &Tf, v: Vec3) -> Vec3 {
    v.map(|x| tf_eval_ext(tf, x))
}

/// Odd extension of the transfer function, with Chromium's guard for a
/// negative base.
fn tf_eval_ext(tf: &Tf, x: f32) -> f32 {
    let sign = if x < 0.0 { -1.0 } else { 1.0 };
    let x = x * sign;
    if x >= tf.d && tf.a * x + tf.b < 0.0 {
        return sign * tf.e;
    }
    sign * tf_eval(tf, x)
}

fn tf_eval(tf: &Tf, x: f32) -> f32 {
    let sign = if x < 0.0 { -1.0 } else { 1.0 };
    let x = x * sign;
    sign * if x < tf.d { tf.c * x + tf.f } else { powf_approx(tf.a * x + tf.b, tf.g) + tf.e }
}

/// The inverse transfer function, in the same parametric form.
fn tf_invert(src: &Tf) -> Tf {
    let mut inv = Tf { g: 0.0, a: 0.0, b: 0.0, c: 0.0, d: src.c * src.d + src.f, e: 0.0, f: 0.0 };
    if inv.d > 0.0 {
        inv.c = 1.0 / src.c;
        inv.f = -src.f / src.c;
    }
    let k = powf_approx(src.a, -src.g);
    inv.g = 1.0 / src.g;
    inv.a = k;
    inv.b = -k * src.e;
    inv.e = -src.b / src.a;
    if inv.a * inv.d + inv.b < 0.0 {
        inv.b = -inv.a * inv.d;
    }
    // Pin the inverse so that it maps 1 back to exactly 1.
    let s = tf_eval(src, 1.0);
    let sign = if s < 0.0 { -1.0 } else { 1.0 };
    let s = s * sign;
    if s < inv.d {
        inv.f = 1.0 - sign * inv.c * s;
    } else {
        inv.e = 1.0 - sign * powf_approx(inv.a * s + inv.b, inv.g);
    }
    inv
}

/// skcms' fast pow: exp2(log2(x) * y) with polynomial approximations.
fn powf_approx(x: f32, y: f32) -> f32 {
    if x <= 0.0 {
        return 0.0;
    }
    if x == 1.0 {
        return 1.0;
    }
    exp2_approx(log2_approx(x) * y)
}

fn log2_approx(x: f32) -> f32 {
    let bits = x.to_bits() as i32;
    let e = bits as f32 * (1.0 / (1 << 23) as f32);
    let m = f32::from_bits(((bits & 0x007f_ffff) | 0x3f00_0000) as u32);
    e - 124.225514990 - 1.498030302 * m - 1.725879990 / (0.3520887068 + m)
}

fn exp2_approx(x: f32) -> f32 {
    if x > 128.0 {
        return f32::INFINITY;
    }
    if x < -127.0 {
        return 0.0;
    }
    let fract = x - floor_approx(x);
    let fbits =
        (1u32 << 23) as f32 * (x + 121.274057500 - 1.490129070 * fract + 27.728023300 / (4.84252568 - fract));
    if fbits >= i32::MAX as f32 {
        return f32::INFINITY;
    }
    if fbits < 0.0 {
        return 0.0;
    }
    f32::from_bits(fbits as i32 as u32)
}

fn floor_approx(x: f32) -> f32 {
    let t = (x as i32) as f32;
    if t > x {
        t - 1.0
    } else {
        t
    }
}
