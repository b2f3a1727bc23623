//! Colour space conversion to (unclamped) sRGB.
//!
//! Uses the constants Chromium uses (Skia's f32 gamut matrices and
//! transfer functions, the Bradford adaptation) with f64 arithmetic and an
//! exact `pow`: compared with Chromium's painted pixels this matched better
//! than emulating skcms' f32 `powf` approximation.

#![allow(
    clippy::excessive_precision,
    reason = "constants kept digit for digit as Chromium writes them"
)]

use super::Space;

type Vec3 = [f64; 3];
type Mat3 = [[f64; 3]; 3];
/// Matrices as Chromium declares them (f32), widened for the maths.
type Mat3f = [[f32; 3]; 3];

/// A parametric transfer function: `(a x + b)^g + e` for `x >= d`, else
/// `c x + f`. Parameters are f32 as in Skia's named transfer functions.
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

impl Tf {
    fn params(&self) -> [f64; 7] {
        [self.g, self.a, self.b, self.c, self.d, self.e, self.f].map(f64::from)
    }
}

const fn gamma(g: f32) -> Tf {
    Tf {
        g,
        a: 1.0,
        b: 0.0,
        c: 0.0,
        d: 0.0,
        e: 0.0,
        f: 0.0,
    }
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
const REC2020_TF: Tf = Tf {
    g: 2.22222,
    a: 0.909672,
    b: 0.0903276,
    c: 0.222222,
    d: 0.0812429,
    e: 0.0,
    f: 0.0,
};

/// 16.16 fixed point, as ICC profiles (and Skia's sRGB gamut) store it.
const fn fixed(v: i32) -> f32 {
    v as f32 * (1.0 / 65536.0)
}

const SRGB_TO_XYZD50: Mat3f = [
    [fixed(0x6FA2), fixed(0x6299), fixed(0x24A0)],
    [fixed(0x38F5), fixed(0xB785), fixed(0x0F84)],
    [fixed(0x0390), fixed(0x18DA), fixed(0xB6CF)],
];
const ADOBE_TO_XYZD50: Mat3f = [
    [fixed(0x9c18), fixed(0x348d), fixed(0x2631)],
    [fixed(0x4fa5), fixed(0xa02c), fixed(0x102f)],
    [fixed(0x04fc), fixed(0x0f95), fixed(0xbe9c)],
];
const P3_TO_XYZD50: Mat3f = [
    [0.515102, 0.291965, 0.157153],
    [0.241182, 0.692236, 0.0665819],
    [-0.00104941, 0.0418818, 0.784378],
];
const REC2020_TO_XYZD50: Mat3f = [
    [0.673459, 0.165661, 0.125100],
    [0.279033, 0.675338, 0.0456288],
    [-0.00193139, 0.0299794, 0.797162],
];
/// Björn Ottosson's OKLab matrices, as Chromium writes them.
const XYZ_TO_LMS: Mat3f = [
    [0.8190224432164319, 0.3619062562801221, -0.12887378261216414],
    [0.0329836671980271, 0.9292868468965546, 0.03614466816999844],
    [
        0.048177199566046255,
        0.26423952494422764,
        0.6335478258136937,
    ],
];
const OKLAB_TO_LMS: Mat3f = [
    [
        0.99999999845051981432,
        0.39633779217376785678,
        0.21580375806075880339,
    ],
    [
        1.0000000088817607767,
        -0.1055613423236563494,
        -0.063854174771705903402,
    ],
    [
        1.0000000546724109177,
        -0.089484182094965759684,
        -1.2914855378640917399,
    ],
];
const D50: [f32; 3] = [0.9642, 1.0, 0.8251];

/// Converts stored channels to sRGB (gamma-encoded, not clamped).
pub(super) fn to_srgb(space: Space, p: [f32; 3]) -> [f32; 3] {
    let p = p.map(f64::from);
    let out = match space {
        Space::Rgb => p.map(|c| c / 255.0),
        Space::Srgb => p,
        Space::Hsl => hsl_to_srgb(p[0], p[1], p[2]),
        Space::Hwb => hwb_to_srgb(p[0], p[1], p[2]),
        Space::SrgbLinear => encode_srgb(p),
        Space::DisplayP3 => xyzd50_to_srgb(mul(&wide(&P3_TO_XYZD50), tf_apply(&SRGB_TF, p))),
        Space::A98Rgb => xyzd50_to_srgb(mul(&wide(&ADOBE_TO_XYZD50), tf_apply(&gamma(2.2), p))),
        Space::ProPhoto => xyzd50_to_srgb(mul(&prophoto_to_xyzd50(), tf_apply(&gamma(1.8), p))),
        Space::Rec2020 => xyzd50_to_srgb(mul(&wide(&REC2020_TO_XYZD50), tf_apply(&REC2020_TF, p))),
        Space::XyzD50 => xyzd50_to_srgb(p),
        Space::XyzD65 => xyzd65_to_srgb(p),
        Space::Lab => xyzd50_to_srgb(lab_to_xyzd50(p)),
        Space::Lch => xyzd50_to_srgb(lab_to_xyzd50(lch_to_lab(p))),
        Space::Oklab => xyzd65_to_srgb(oklab_to_xyzd65(p)),
        Space::Oklch => xyzd65_to_srgb(oklab_to_xyzd65(lch_to_lab(p))),
    };
    out.map(|c| c as f32)
}

fn wide(m: &Mat3f) -> Mat3 {
    m.map(|row| row.map(f64::from))
}

/// CSS Color 4 hsl-to-rgb; hue in degrees.
fn hsl_to_srgb(h: f64, s: f64, l: f64) -> Vec3 {
    if s == 0.0 {
        return [l; 3];
    }
    let f = |n: f64| {
        let k = (n + h / 30.0) % 12.0;
        let a = s * l.min(1.0 - l);
        l - a * (k - 3.0).min(9.0 - k).clamp(-1.0, 1.0)
    };
    [f(0.0), f(8.0), f(4.0)]
}

fn hwb_to_srgb(h: f64, w: f64, b: f64) -> Vec3 {
    if w + b >= 1.0 {
        return [w / (w + b); 3];
    }
    hsl_to_srgb(h, 1.0, 0.5).map(|c| c + (w - (w + b) * c))
}

fn lab_to_xyzd50([l, a, b]: Vec3) -> Vec3 {
    let fy = (l + 16.0) / 116.0;
    let fx = fy + a / 500.0;
    let fz = fy - b / 200.0;
    let inv = |t: f64| {
        if t <= 24.0 / 116.0 {
            (108.0 / 841.0) * (t - 16.0 / 116.0)
        } else {
            t * t * t
        }
    };
    let w = D50.map(f64::from);
    [inv(fx) * w[0], inv(fy) * w[1], inv(fz) * w[2]]
}

/// Polar to rectangular; the hue is in degrees.
fn lch_to_lab([l, c, h]: Vec3) -> Vec3 {
    let rad = h.to_radians();
    [l, c * rad.cos(), c * rad.sin()]
}

fn oklab_to_xyzd65(lab: Vec3) -> Vec3 {
    let lms = mul(&wide(&OKLAB_TO_LMS), lab).map(|v| v * v * v);
    mul(&invert(&wide(&XYZ_TO_LMS)), lms)
}

fn xyzd50_to_srgb(xyz: Vec3) -> Vec3 {
    encode_srgb(mul(&invert(&wide(&SRGB_TO_XYZD50)), xyz))
}

fn xyzd65_to_srgb(xyz: Vec3) -> Vec3 {
    let white = [0.3127f32, 0.3290].map(f64::from);
    let m = concat(
        &invert(&wide(&SRGB_TO_XYZD50)),
        &adapt_to_d50(white[0], white[1]),
    );
    encode_srgb(mul(&m, xyz))
}

/// Linear-light sRGB to gamma-encoded sRGB.
fn encode_srgb(v: Vec3) -> Vec3 {
    let inv = tf_invert(&SRGB_TF);
    v.map(|x| tf_eval(&inv, x))
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
    let a = *m;
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
            *cell = cof(c, r) * inv_det;
        }
    }
    out
}

/// Bradford adaptation from white point (wx, wy) to D50.
fn adapt_to_d50(wx: f64, wy: f64) -> Mat3 {
    const XYZ_TO_CONE: Mat3f = [
        [0.8951, 0.2664, -0.1614],
        [-0.7502, 1.7135, 0.0367],
        [0.0389, -0.0685, 1.0296],
    ];
    const CONE_TO_XYZ: Mat3f = [
        [0.9869929, -0.1470543, 0.1599627],
        [0.4323053, 0.5183603, 0.0492912],
        [-0.0085287, 0.0400428, 0.9684867],
    ];
    let white = [wx / wy, 1.0, (1.0 - wx - wy) / wy];
    let to_cone = wide(&XYZ_TO_CONE);
    let src = mul(&to_cone, white);
    let dst = mul(&to_cone, [0.96422f32, 1.0, 0.82521].map(f64::from));
    let mut scale = [[0.0; 3]; 3];
    for i in 0..3 {
        scale[i][i] = dst[i] / src[i];
    }
    concat(&wide(&CONE_TO_XYZ), &concat(&scale, &to_cone))
}

/// ProPhoto RGB primaries (D50 white) to an RGB-to-XYZD50 matrix.
fn prophoto_to_xyzd50() -> Mat3 {
    let [rx, ry, gx, gy, bx, by, wx, wy] = [
        0.7347f32, 0.2653, 0.1596, 0.8404, 0.0366, 0.0001, 0.34567, 0.35850,
    ]
    .map(f64::from);
    let prim = [
        [rx, gx, bx],
        [ry, gy, by],
        [1.0 - rx - ry, 1.0 - gx - gy, 1.0 - bx - by],
    ];
    let white = [wx / wy, 1.0, (1.0 - wx - wy) / wy];
    let s = mul(&invert(&prim), white);
    let scale = [[s[0], 0.0, 0.0], [0.0, s[1], 0.0], [0.0, 0.0, s[2]]];
    concat(&adapt_to_d50(wx, wy), &concat(&prim, &scale))
}

/// Transfer function parameters `[g, a, b, c, d, e, f]`, widened.
type TfParams = [f64; 7];

fn tf_apply(tf: &Tf, v: Vec3) -> Vec3 {
    let p = tf.params();
    v.map(|x| tf_eval(&p, x))
}

/// The transfer function, extended to negatives by odd symmetry.
fn tf_eval(p: &TfParams, x: f64) -> f64 {
    let (sign, x) = (x.signum(), x.abs());
    let [g, a, b, c, d, e, f] = *p;
    let base = a * x + b;
    if x < d {
        sign * (c * x + f)
    } else if base < 0.0 {
        sign * e
    } else {
        sign * (base.powf(g) + e)
    }
}

/// The inverse transfer function, in the same parametric form.
fn tf_invert(tf: &Tf) -> TfParams {
    let [g, a, b, c, d, e, f] = tf.params();
    let inv_d = c * d + f;
    let (inv_c, inv_f) = if inv_d > 0.0 {
        (1.0 / c, -f / c)
    } else {
        (0.0, 0.0)
    };
    let k = a.powf(-g);
    [1.0 / g, k, -k * e, inv_c, inv_d, -b / a, inv_f]
}
