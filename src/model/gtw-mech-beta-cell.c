/* gtw-mech-beta-cell.c: beta-cell glucotoxicity, lipotoxicity and workload stress
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the mechanism layer adds to Ha & Sherman's beta-cell adaptation (the core's beta and
 * sigma): apoptosis from fatty acids and IL-1beta at high glucose (Poitout & Robertson 2008;
 * Maedler 2002; Donath 2009), the workload stress of years of high secretion and the
 * dedifferentiation and death that follow it (Prentki & Nolan 2006; Talchai 2012), the
 * recovery of function on a low-calorie diet (Lim 2011; Taylor 2013), and the loss of the
 * incretin effect as glucose rises (Knop 2007; Højberg 2009).
 */
#include <math.h>

#include "gtw-model-private.h"

/* Ha & Sherman's glucotoxic curve, hill(M(G), 0.44, 6), at the glucose of the last weeks (the
 * HbA1c filter's): about 0.07 at a healthy mean glucose, 0.41 at 7 mmol/L, 0.9 at 11. */
static double
glucotoxic_gate (const GtwSlow *s)
{
  double x = pow (gtw_metabolism (s->gw) / GTW_K (A_HALF), 6);

  return x / (1.0 + x);
}

/* Beta-cell apoptosis beyond Ha's glucotoxic term and basal rate, lipotoxic and inflammatory:
 * fatty acids and IL-1beta kill beta cells in the presence of high glucose, hardly at normal
 * glucose (glucolipotoxicity: Poitout & Robertson 2008; glucose induces IL-1beta in islets:
 * Maedler 2002), so both follow Ha's glucotoxic curve. That is how obese non-diabetics carry
 * about 50 % more beta-cell mass than lean people (Butler 2003). The core spares a residual
 * mass from these as from Ha's term (beta_residual_mass). */
double
gtw_beta_apoptosis_extra (const GtwSlow *s)
{
  return glucotoxic_gate (s) * (GTW_K (A_LIPO) * MAX (s->visceral / 1.2 - 1.0, 0.0)
                                + GTW_K (A_INFLAM) * MAX (s->inflammation - 1.0, 0.0));
}

/* Workload stress's apoptosis: the third stage of the stress's relaxation chain (the damage,
 * below), but never more than the stress target of the last months (beta_load): cells die of
 * the damage while they still work hard (terminal unfolded protein response under ongoing ER
 * load: Papa 2012), not once the demand has fallen, after an intervention or after the onset. */
double
gtw_beta_apoptosis_stress (const GtwSlow *s)
{
  return GTW_K (A_STRESS) * MIN (s->beta_damage, s->beta_load);
}

/* Dedifferentiation: beta cells under lasting workload stress lose their mature identity and
 * secrete less before they die (Talchai 2012; Weir 2013), so function fails while mass is still
 * high: the secretory capacity's ceiling (sigma's ISRI_bar) falls with the stress. The
 * patient's own beta-cell function and reserve are what they are on day 0, dedifferentiation
 * so far included: the ceiling falls as the stress rises above day 0's and comes back as it
 * returns, but never above the patient's own (a patient relieved of all workload would
 * otherwise secrete twice as much and drift towards hypoglycaemia: V18). */
double
gtw_beta_capacity_factor (const GtwSlow *s)
{
  return MIN ((1.0 + GTW_K (K_DEDIFF) * s->beta_stress0) / (1.0 + GTW_K (K_DEDIFF) * s->beta_stress),
              1.0);
}

/* Taylor's recovery: in Counterpoint (Lim 2011) the first-phase insulin response of people
 * with type 2 diabetes of a few years came back to normal over the 8 weeks of a 600 kcal/day
 * diet, as the fat in their pancreas fell (8.0 to 6.2 %), and DiRECT's responders kept it
 * (Taylor 2013, 2018): the dysfunction that a deep deficit lifts is reversible within weeks,
 * where Ha & Sherman's sigma moves over TAU_SIGMA, 250 days. While a low-calorie diet holds a
 * deficit deeper than SIGMA_RELIEF_DEFICIT (full 1000 kcal/day further), sigma relaxes towards
 * its target SIGMA_RELIEF_SPEED times faster; where the glucose the diet brings down lets the
 * target rise, function comes back within weeks. Only the diet: the trials measured it there,
 * and the model has no pancreatic fat to say what smaller or other deficits do. A multiplier
 * of sigma's rate, 1 without a diet; gtw_beta_sigma_speed_at () gives the part of it that
 * acts at a given function. */
double
gtw_beta_sigma_speed (const GtwDrivers *d)
{
  double depth = CLAMP ((-d->energy_balance - GTW_K (SIGMA_RELIEF_DEFICIT)) / 1000.0, 0.0, 1.0);

  return 1.0 + GTW_K (SIGMA_RELIEF_SPEED) * d->fx.diet_level * depth;
}

/* What the diet relieves is the dysfunction that the disease has added, and a healthy
 * function has none: without this, healthy's function rose by 15 % within the 12 weeks of an
 * 800 kcal/day diet, as the low glucose of the diet lifts sigma's target above the reference.
 * The speed-up acts in full below SIGMA_RELIEF_FULL of the healthy reference's function and
 * fades to none at the reference; above it sigma moves at its own pace. `speed` is the day's
 * gtw_beta_sigma_speed (), `sigma` the function now. */
double
gtw_beta_sigma_speed_at (double speed,
                         double sigma)
{
  double full = GTW_K (SIGMA_RELIEF_FULL);

  return 1.0 + (speed - 1.0) * CLAMP ((1.0 - sigma) / (1.0 - full), 0.0, 1.0);
}

/* Workload stress: years of insulin output above what the islets can sustain exhaust beta
 * cells (ER and oxidative stress, islet amyloid from the amylin co-secreted with insulin,
 * dedifferentiation; Prentki & Nolan 2006, Weir & Bonner-Weir 2004, Hull 2004). It builds up
 * and fades with tau_beta_stress, so that compensation that holds glucose normal for years
 * still wears the beta cells down: the source texts' hidden decade.
 *
 * It follows the islets' whole output (mean_isr: secretion per unit of the reference mass),
 * not the output per cell. Counted per cell, each cell lost raised the load on the survivors,
 * so that any excess above the dead zone ended in a spiral to almost no beta cells, at normal
 * glucose and whatever lowered the demand: metabolic-syndrome with exercise kept a normal
 * fasting glucose while his mass fell from 1.05 to 0.23. Counted for the islets, the loss stops
 * where the demand falls back below beta_stress_output_threshold, and the spiral to diabetes
 * is glucose's (Ha, Satin & Sherman 2016). */
double
gtw_beta_stress_target (double mean_isr)
{
  double excess = MAX (mean_isr / GTW_K (ISR_REF) - GTW_K (BETA_STRESS_OUTPUT), 0.0);

  /* saturates: stress cannot grow without bound however hard the cells work */
  return excess / (1.0 + excess / 1.5);
}

/* The stress, then two stages of damage, each relaxing towards the one before with
 * tau_beta_stress (a delay of order 3): cells die of the workload years after they bore it, so
 * that beta-cell mass first grows with the demand and then falls (Butler 2003; Rahier 2008).
 * Exact for a target held over dt days.
 *
 * Settling a patient for day 0 counts the workload of day 0 as carried for the
 * beta_workload_history days before it: each stage where it would be after a step of its target
 * that long ago (the gamma distribution's integrals). A patient who had carried it for ever
 * would decline at once, one who took it on only on day 0 would first grow; the presets describe
 * patients a few years into their insulin resistance. */
void
gtw_beta_stress_update (GtwSlow *s,
                        double   target,
                        double   dt,
                        gboolean settle)
{
  double x = dt / GTW_K (TAU_BETA_STRESS), e = exp (-x);
  double s0 = s->beta_stress - target, d1 = s->beta_damage1 - target, d2 = s->beta_damage - target;

  /* the cap rises with the output of half a year and follows its fall within three months */
  s->beta_load = settle ? target
                        : gtw_relax (s->beta_load, target,
                                     target < s->beta_load ? GTW_K (TAU_BETA_LOAD_FALL)
                                                           : GTW_K (TAU_BETA_LOAD), dt);
  if (settle)
    {
      double h = GTW_K (BETA_HISTORY) / GTW_K (TAU_BETA_STRESS), eh = exp (-h);

      s->beta_stress = s->beta_stress0 = target * (1.0 - eh);
      s->beta_damage1 = target * (1.0 - eh * (1.0 + h));
      s->beta_damage = target * (1.0 - eh * (1.0 + h + h * h / 2.0));
      return;
    }
  s->beta_damage = target + (d2 + d1 * x + s0 * x * x / 2.0) * e;
  s->beta_damage1 = target + (d1 + s0 * x) * e;
  s->beta_stress = target + s0 * e;
}

/* Incretins: oral glucose releases GLP-1 and GIP, which amplify secretion only at raised
 * glucose; that is the rising part of Ha & Sherman's glucose-dependent factor. In type 2
 * diabetes the incretin effect falls from about 60 to 36 % (Knop 2007), and as much in diabetes
 * secondary to pancreatitis, so it follows hyperglycaemia rather than causing it; four weeks of
 * near-normal glucose restore the beta cells' response to both hormones (Højberg 2009). The
 * loss follows the mean glucose of the last weeks (HbA1c's filter) above the normal range,
 * saturating at INCRETIN_LOSS_MAX. */
double
gtw_incretin_factor (const GtwSlow *s)
{
  double x = MAX (s->gw - GTW_K (INCRETIN_LOSS_GLUCOSE), 0.0);
  double h = GTW_K (INCRETIN_LOSS_HALF);

  return 1.0 - GTW_K (INCRETIN_LOSS_MAX) * x * x / (x * x + h * h);
}
