/* gtw-core.c: the fast glucose-insulin core, minutes
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ha & Sherman 2020 (beta-cell granule pools, gamma, sigma, beta, HGP), with the Dalla Man 2007
 * stomach-gut model as the meal input and Van Cauter 1992 two-compartment C-peptide kinetics.
 * Units of the source: G mg/dL, I µU/mL, beta mg, t min.
 */
#include <string.h>

#include "gtw-model-private.h"

/* x^n for a small whole n, by squaring: the right-hand side's Hill functions all have whole
 * exponents, and pow () was a tenth of a simulated day. */
static inline double
ipow (double x, unsigned n)
{
  double r = 1.0;

  for (; n > 0; n >>= 1, x *= x)
    if (n & 1)
      r *= x;
  return r;
}

static inline double
hill (double x, double k, unsigned n)
{
  double xn = ipow (MAX (x, 0.0), n);
  return xn / (ipow (k, n) + xn);
}


typedef struct
{
  double m, ci, isr, r3_over_sigma, r2, cn1;
} Secretion;

/* Ha & Sherman 2020: calcium, exocytosis chain in quasi-steady state, secretion per unit mass. */
static void
secretion (const double *y, const GtwCoreParams *p, Secretion *s)
{
  double g = MAX (y[Y_G], 1.0);
  double m = gtw_metabolism (g);
  double mg = m + y[Y_GAMMA];
  double ci = 2.0 * hill (mg, 0.62, 4) + 0.07;
  double ci4 = ipow (ci, 4);
  double cmd = 150.0 * ci4 / (1.0 + ci4) + 0.0635;
  /* Ha & Sherman's glucose-dependent amplification; its rising part is the incretins' (GLP-1
   * and GIP act only at raised glucose), which weeks of hyperglycaemia blunt (p->incretin). */
  double gf = (4.4567 * hill (g + 89.0, 260.0, 16) * p->incretin + 1.7826) * p->gf_factor;
  double k1 = GTW_K (K1), km1 = GTW_K (KM1), r1 = GTW_K (R1), rm1 = GTW_K (RM1);
  double u1 = GTW_K (U1), u2 = GTW_K (U2), u3 = GTW_K (U3);
  double n1c = km1 / (3 * k1 * cmd + rm1), n1d = r1 / (3 * k1 * cmd + rm1);
  double n2e = 3 * k1 * cmd / (2 * k1 * cmd + km1), n2f = 2 * km1 / (2 * k1 * cmd + km1);
  double n3l = 2 * k1 * cmd / (2 * km1 + k1 * cmd), n3n = 3 * km1 / (2 * km1 + k1 * cmd);
  double cn4 = k1 * cmd / (3 * km1 + u1);
  double cn3 = n3l / (1 - n3n * cn4);
  double cn2 = n2e / (1 - n2f * cn3);
  double cn1 = n1d / (1 - n1c * cn2);
  double n4 = cn4 * cn3 * cn2 * cn1 * y[Y_N5];
  double nf = u1 * n4 / u2;
  double nr = (u2 / u3) * nf;

  s->m = m;
  s->ci = ci;
  s->cn1 = cn1;
  s->r2 = GTW_K (R20) * ci / (ci + GTW_K (KP2));
  s->r3_over_sigma = gf * GTW_K (R30) * ci / (ci + GTW_K (KP2));
  s->isr = 60.0 * 9.0 * u3 * nr;
}

double
gtw_core_isr (const double *y, const GtwCoreParams *p)
{
  Secretion s;
  secretion (y, p, &s);
  return s.isr;
}

double
gtw_core_isr_pmol (const double *y, const GtwCoreParams *p)
{
  return y[Y_BETA] * gtw_core_isr (y, p) / GTW_K (BV) * p->isr_to_pmol;
}

/* Glucose taken up from the gut, mg/min. Dalla Man's kabs Qgut is first order: a stomach that
 * empties 400 g of carbohydrate within half an hour would pass 3-4 g/min, while the intestine's
 * sodium-glucose transporter carries at most about 1.2 g/min (Jeukendrup 2010; Duchman 1997).
 * The uptake bends smoothly towards that ceiling (x / (1 + (x/J)^4)^(1/4): -0.4 % at the peak
 * of a 75 g meal) and what is not yet taken up stays in the gut. */
static double
gut_uptake (const double *y)
{
  double x = GTW_K (KABS) * MAX (y[Y_QGUT], 0.0);
  double r = x / (GTW_K (GUT_UPTAKE_MAX) * 1000.0);

  return x / sqrt (sqrt (1.0 + r * r * r * r));
}

double
gtw_core_meal_ra (const double *y, const GtwCoreParams *p)
{
  return GTW_K (F_ABS) * gut_uptake (y) / p->bw;
}

/* Grams of drink over which its constant caloric emptying fades to the stomach's own rate. */
#define DRINK_TAIL_MG 10000.0

static double
gastric_emptying (const double *y, const GtwCoreParams *p)
{
  double kmax = GTW_K (KMAX) * p->kmax_factor, kmin = GTW_K (KMIN);
  double d = y[Y_DOSE], b = GTW_K (B_EMPT), dd = GTW_K (D_EMPT);
  double q = y[Y_QSTO1] + y[Y_QSTO2];
  double k;

  if (d <= 0)
    return kmax;
  k = kmin + (kmax - kmin) / 2.0
             * (tanh (5.0 / (2.0 * d * (1 - b)) * (q - b * d))
                - tanh (5.0 / (2.0 * d * dd) * (q - dd * d)) + 2.0);
  /* A glucose drink empties like a meal at first (the early rapid phase), then, where a mixed
   * meal slows to kmin, at a nearly constant caloric rate that the duodenum's feedback holds
   * (Horowitz 1993; Brener 1983): zero order at 4 kcal/g, fading as q / (q + 10 g). */
  if (p->drink)
    k = MAX (k, GTW_K (DRINK_EMPTYING) / 4.0 * 1000.0 / (q + DRINK_TAIL_MG));
  return k;
}

/* Morning cortisol: a rise centred 30-60 min after waking, about 90 min wide (Pruessner 1997). */
static inline double
cortisol_bump (double t, const GtwCoreParams *p)
{
  double tod = fmod (t, 1440.0) - 480.0;
  return p->cortisol_extra * exp (-tod * tod / (2.0 * 90.0 * 90.0));
}

/* Glucose lost into urine, mg/dL/min (Gerich 2010). The kidneys filter GFR x G; the tubules
 * take it all back up to about 10 mmol/L, and at most TmG = 375 mg/min, which the filtrate
 * exceeds at GFR x 300 mg/dL. Between the two the reabsorption saturates gradually (splay):
 * x^2 / (x + splay) above the threshold has zero slope there and tends to GFR (G - 300 mg/dL)
 * far above it, the titration curve. Spread over the glucose space VG x BW. */
static inline double
renal_excretion (double g, const GtwCoreParams *p)
{
  double x = g - GTW_K (RENAL_THRESHOLD);

  if (x <= 0)
    return 0.0;
  return GTW_K (RENAL_GFR) / 100.0 / (p->vg * p->bw) * x * x / (x + GTW_K (RENAL_SPLAY));
}

void
gtw_core_rhs (double t, const double *y, double *dy, const GtwCoreParams *p)
{
  Secretion s;
  double g = MAX (y[Y_G], 1.0), ins = MAX (y[Y_I], 0.0);
  double beta = y[Y_BETA], sigma = y[Y_SIGMA];
  double si_eff = p->si * (1.0 + y[Y_ACUTE]);
  double hepa_max = GTW_K (HGP_BAR) / (GTW_K (HGP_K) + p->si_hgp) + GTW_K (HGP_B);
  double alpha = GTW_K (ALPHA_MAX) / (GTW_K (ALPHA_K) + p->si_hgp) + GTW_K (ALPHA_B);
  double hgp, eg0, ra, kempt, cr;

  secretion (y, p, &s);

  hgp = (hepa_max / (alpha + p->hepasi * ins) + GTW_K (HGP_BASAL)) * p->hgp_factor
        * (1.0 + cortisol_bump (t, p));
  eg0 = GTW_K (EG0) * p->eg0_factor * (1.0 + p->session_ampk);
  ra = gtw_core_meal_ra (y, p);

  /* Counter-regulation: glucagon secretion rises with the fall of glucose below basal (Dalla
   * Man 2014, UVA/Padova: threshold = basal glucose; Mitrakou 1991, Gerich 1993) and raises
   * liver output whatever insulin or drugs do to the rest of it. It fades in over CR_WIDTH
   * (x^2 / (x + w): zero at the threshold with zero slope, then gain x), so the healthy fixed
   * point of Ha & Sherman, whose HGP already holds basal glucagon, is unchanged. Ha &
   * Sherman's core has no counter-regulation and no kidney. */
  cr = GTW_K (CR_THRESHOLD) - g;
  if (cr > 0)
    hgp += GTW_K (CR_GAIN) * cr * cr / (cr + GTW_K (CR_WIDTH));

  dy[Y_G] = hgp + ra / p->vg - (eg0 + GTW_K (SI_UNIT) * si_eff * MAX (y[Y_X], 0.0)) * g
            - renal_excretion (g, p);
  dy[Y_I] = beta * s.isr / GTW_K (BV) * p->posthepatic - GTW_K (K_INS) * ins;
  dy[Y_N5] = 60.0 * (GTW_K (RM1) * s.cn1 * y[Y_N5] - (GTW_K (R1) + GTW_K (RM2)) * y[Y_N5]
                     + s.r2 * y[Y_N6]);
  dy[Y_N6] = 60.0 * (sigma * s.r3_over_sigma + GTW_K (RM2) * y[Y_N5]
                     - (GTW_K (RM3) + s.r2) * y[Y_N6]);
  dy[Y_GAMMA] = (0.4 / (1.0 + exp (-(g - GTW_K (GS)) / 5.0)) - 0.2 - y[Y_GAMMA]) / GTW_K (TAU_GAMMA);

  if (p->freeze_slow)
    {
      dy[Y_BETA] = 0;
      dy[Y_SIGMA] = 0;
    }
  else
    {
      double prolif = GTW_K (P_MAX) * hill (s.isr, GTW_K (P_HALF), 4);
      double prolif_rest = 0;
      /* Cells whose secretory capacity has fallen to its floor have lost their mature identity
       * (dedifferentiation: Talchai 2012; Cinti 2016 found such cells in the islets of type 2
       * diabetes): they no longer replicate in answer to the extra secretion that hyperglycaemia
       * forces on them (Butler 2003: replication is not raised in type 2 diabetes), only as on
       * the healthy reference's workload. Between the floor and sigma_mature the answer comes
       * back in proportion. Without this, Ha's P(ISR) made high glucose protect beta cells:
       * early-t2d kept more of them untreated than with metformin. */
      double mature = CLAMP ((sigma - GTW_K (SIGMA_FLOOR))
                             / MAX (GTW_K (SIGMA_MATURE) - GTW_K (SIGMA_FLOOR), 1e-3), 0.0, 1.0);

      /* the reference's rate, needed only by the two rules below */
      if (mature < 1.0 || beta < p->beta_own)
        prolif_rest = GTW_K (P_MAX) * hill (GTW_K (ISR_REF), GTW_K (P_HALF), 4);
      if (mature < 1.0 && prolif > prolif_rest)
        prolif = mature * prolif + (1.0 - mature) * prolif_rest;
      /* A demand below the healthy reference's retires the cells that a higher demand added, but
       * does not take the mass below the patient's own: adult human beta-cell mass is set by
       * early adulthood and stays stable through adult life (Saisho 2013; Rahier 2008: no
       * decline with age), while Ha's P(ISR) shrinks it with any demand below the reference
       * (the treated progressor lost 3 % a year at a normal glucose). Below the patient's own
       * mass, replication comes back to the reference's rate within 5 % of it; damage (the
       * glucotoxic, lipotoxic, inflammatory and workload terms) still takes it lower. */
      if (beta < p->beta_own && prolif < prolif_rest)
        prolif += CLAMP ((p->beta_own - beta) / (0.05 * p->beta_own), 0.0, 1.0) * (prolif_rest - prolif);
      /* Glucose-driven apoptosis (Ha's glucotoxic term and the glucolipotoxic and inflammatory
       * ones it gates) spares a residual mass: beta cells differ in their vulnerability
       * (Dorrell 2016), those left after years of hyperglycaemia resist it, and the mass falls
       * slowly with the duration of diabetes (Rahier 2008: 24 % below controls in its first 5
       * years, 54 % after 15). Without this the untreated obese presets reached a tenth of the
       * reference mass and a fasting C-peptide of 0.1 nmol/L 15 years after onset. */
      double apopt = hill (beta, GTW_K (BETA_RESIDUAL) * GTW_K (BETA_REF), 8)
                     * (GTW_K (A_MAX) * hill (s.m, GTW_K (A_HALF), 6) + p->apoptosis_extra)
                     + GTW_K (A_BASAL) + p->apoptosis_stress;
      double gsh = g - 35.0;
      double m_gsh = gsh * gsh / (150.0 * 150.0 + gsh * gsh);
      double sigma_mi = 1.0 - 1.0 / (1.0 + 0.2 * exp (-(m_gsh - 0.2) / 0.02));
      double sigma_isri = p->isri_bar / (1.0 + exp (-(s.isr - 0.1) / 0.1));

      dy[Y_BETA] = (prolif - apopt) * beta / GTW_K (TAU_BETA);
      dy[Y_SIGMA] = (sigma_mi * sigma_isri + GTW_K (SIGMA_FLOOR) - sigma)
                    * gtw_beta_sigma_speed_at (p->sigma_speed, sigma) / GTW_K (TAU_SIGMA);
    }

  kempt = gastric_emptying (y, p);
  dy[Y_QSTO1] = -GTW_K (KGRI) * y[Y_QSTO1];
  dy[Y_QSTO2] = -kempt * y[Y_QSTO2] + GTW_K (KGRI) * y[Y_QSTO1];
  dy[Y_QGUT] = -gut_uptake (y) + kempt * y[Y_QSTO2];

  dy[Y_ACUTE] = -y[Y_ACUTE] / (GTW_K (TAU_ACUTE_EX) * 60.0);
  /* Insulin acts on uptake from the interstitium, with a delay (Dalla Man 2007, p2U). */
  dy[Y_X] = GTW_K (P2U) * (ins - y[Y_X]);
}

void
gtw_core_integrands (const double *y, const GtwCoreParams *p, double *q)
{
  q[Y_INT_G - Y_INT_G] = MAX (y[Y_G], 1.0);
  q[Y_INT_I - Y_INT_G] = MAX (y[Y_I], 0.0);
  q[Y_INT_ISR - Y_INT_G] = gtw_core_isr (y, p) * y[Y_BETA] / GTW_K (BETA_REF);
  q[Y_INT_FE - Y_INT_G] = gtw_receptor_target (MAX (y[Y_I], 0.0));
}

/* Fasting steady state of the fast states for the given beta, sigma and parameters: for a
 * glucose G, gamma sits at gamma_inf(G), the granule pools and insulin at their equilibria;
 * bisection on the glucose balance. */
void
gtw_core_fasting_steady_state (double *y, const GtwCoreParams *p)
{
  double lo = 20.0, hi = 600.0;
  double work[N_Y], dy[N_ODE];

  memcpy (work, y, sizeof work);
  work[Y_QSTO1] = work[Y_QSTO2] = work[Y_QGUT] = 0;
  work[Y_ACUTE] = 0;

  for (int iter = 0; iter < 60; iter++)
    {
      double g = 0.5 * (lo + hi);
      Secretion s;
      double r3, a11, a12, a21, a22, det, isr_pmol;

      work[Y_G] = g;
      work[Y_GAMMA] = 0.4 / (1.0 + exp (-(g - GTW_K (GS)) / 5.0)) - 0.2;
      work[Y_N5] = 1.0;
      secretion (work, p, &s);
      /* linear 2x2 for N5, N6 at rest */
      r3 = work[Y_SIGMA] * s.r3_over_sigma;
      a11 = GTW_K (RM1) * s.cn1 - (GTW_K (R1) + GTW_K (RM2));
      a12 = s.r2;
      a21 = GTW_K (RM2);
      a22 = -(GTW_K (RM3) + s.r2);
      det = a11 * a22 - a12 * a21;
      work[Y_N5] = (a12 * r3) / det;
      work[Y_N6] = (-a11 * r3) / det;
      secretion (work, p, &s);
      work[Y_I] = work[Y_BETA] * s.isr / GTW_K (BV) * p->posthepatic / GTW_K (K_INS);
      isr_pmol = work[Y_BETA] * s.isr / GTW_K (BV) * p->isr_to_pmol;
      work[Y_C1] = isr_pmol / p->cp_v / p->cp_k01;
      work[Y_C2] = work[Y_C1] * p->cp_k21 / p->cp_k12;
      work[Y_X] = work[Y_I];

      gtw_core_rhs (0.0, work, dy, p);
      if (dy[Y_G] > 0)
        lo = g;
      else
        hi = g;
    }
  memcpy (y, work, sizeof work);
}
