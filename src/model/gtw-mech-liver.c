/* gtw-mech-liver.c: liver fat, hepatic insulin resistance and insulin extraction
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Liver fat is made from fructose and refined carbohydrate by de novo lipogenesis (Stanhope
 * 2009), fed by visceral fatty acids and by energy surplus, and falls fast in energy deficit
 * (Lim 2011: -30 % in a week; Taylor 2013). Steatosis makes the liver resistant to insulin
 * (Seppala-Lindroos 2002) and lowers its first-pass insulin extraction (Kotronen 2007), which
 * raises peripheral insulin and lowers the C-peptide:insulin ratio.
 */
#include "gtw-model-private.h"

/* The level of liver fat that the patient's fat depots, diet and insulin hold in energy balance,
 * before the patient's own susceptibility. */
static double
liver_fat_steady (const GtwSlow    *s,
                      const GtwDrivers *d,
                      double            mean_i)
{
  return 1.0
         + 2.0 * MAX (s->visceral - 1.0, 0.0)
         + 0.030 * d->fructose_g
         + 0.008 * d->refined_g
         + 0.05 * MAX (mean_i - 15.0, 0.0);
}

/* What the energy balance does to the steady level: storage fills the liver while energy is
 * stored, and a deficit empties it fast (Lim 2011), but not to nothing: the fatty acids that
 * the fat depots release in a deficit keep reaching the liver. LIVER_FAT_DEFICIT_FLOOR of the
 * steady level (which a diet lowers too, with less sugar, visceral fat and insulin) gives Lim
 * 2011's course on 600 kcal/day: -30 % in the first week, 12.8 % to 2.9 % in 8 weeks. */
static double
balance_add (const GtwDrivers *d)
{
  return d->energy_balance > 0 ? 3.0 * d->energy_balance / 500.0 : 0.0;
}

static double
balance_factor (const GtwDrivers *d)
{
  double lowest = GTW_K (LIVER_FAT_DEFICIT_FLOOR);

  return d->energy_balance > 0 ? 1.0 : lowest + (1.0 - lowest) * exp (d->energy_balance / 600.0);
}

/* People with the same fat depots and diet differ severalfold in liver fat (Browning 2004,
 * Dallas Heart Study; Romeo 2008: PNPLA3 I148M alone about doubles it). The liver fat entered
 * for the patient is that personal level: on day 0 the steady level is scaled so that the
 * target, energy balance included, is the value entered, and an untreated patient keeps it
 * until his drivers move; they then move it in proportion. Without this, early-t2d's 18 % fell
 * to 8 % within a month of no treatment. The scale is bounded to the genotypes' and the
 * cohort's spread. */
#define LIVER_FAT_GAIN_MIN 0.2
#define LIVER_FAT_GAIN_MAX 5.0

void
gtw_liver_fat_calibrate (GtwPatientConstants *pc,
                         const GtwSlow       *s,
                         const GtwDrivers    *d,
                         double               mean_i)
{
  double own = pc->patient.v[GTW_P_LIVER_FAT] / balance_factor (d) - balance_add (d);

  pc->liver_fat_gain = CLAMP (own / liver_fat_steady (s, d, mean_i), LIVER_FAT_GAIN_MIN,
                              LIVER_FAT_GAIN_MAX);
}

/* The steady level at the patient's own scale, moved by the energy balance. */
double
gtw_liver_fat_target (const GtwPatientConstants *pc,
                      const GtwSlow             *s,
                      const GtwDrivers          *d,
                      double                     mean_i)
{
  double target = (pc->liver_fat_gain * liver_fat_steady (s, d, mean_i) + balance_add (d))
                  * balance_factor (d);

  return CLAMP (target, 0.5, 45.0);
}

/* Liver glycogen and the night's glucose output. After an overnight fast about half of the
 * liver's glucose output comes from glycogen (Landau 1996), and glycogen is refilled by the
 * day's carbohydrate. Below what the body burns as glucose each day (about 130 g, the brain's
 * share: IOM 2005) the stores run down and the output falls with them. This is why a
 * low-calorie diet lowers fasting glucose within days, before much weight is lost: in Henry
 * 1985 (type 2 diabetes, 330 kcal/day, about 40 g of carbohydrate) basal liver output fell by
 * 46 % and fasting glucose by 47 % in 10 days, 87 % of its fall over 40 days, unrelated to the
 * weight lost; refeeding raised the output again within 10 days (Kelley 1993: 7 days of 800
 * kcal/day, half the effect of a 13 kg loss). The stores fall with the square of the day's
 * shortfall, which removes Henry's 45 % at his 40 g. As glycogen runs out, gluconeogenesis
 * rises to replace part of it where the glycaemia is normal (Landau 1996: 54 % of the output at
 * 14 h of fasting, 84 % at 42 h; with an output a fifth lower at 42 h, gluconeogenesis replaced
 * about 40 % of the glycogen lost): GLYCOGEN_GNG_COMPENSATION of the loss, fading to nothing
 * as the glycaemia rises to that of diabetes (gtw_liver_gluconeogenic_excess ()), where the
 * diet also removes the excess of gluconeogenesis. A multiplier of the output, 1 at
 * GLYCOGEN_CARBS_FULL or more carbohydrate a day. */
double
gtw_liver_glycogen_factor (const GtwSlow    *s,
                           const GtwDrivers *d)
{
  double carbs = 0, full, depleted, compensated;

  for (guint i = 0; i < d->n_meals; i++)
    carbs += d->meals[i].carbs_g;
  full = MIN (1.0, carbs / GTW_K (GLYCOGEN_CARBS_FULL));
  depleted = 1.0 - full * full;
  compensated = GTW_K (GLYCOGEN_GNG_COMPENSATION) * (1.0 - gtw_liver_gluconeogenic_excess (s));
  return 1.0 - GTW_K (GLYCOGENOLYSIS_SHARE) * depleted * (1.0 - compensated);
}

/* hepaSi falls by a third at 10 % liver fat (Seppala-Lindroos 2002). */
double
gtw_liver_g_factor (const GtwSlow *s)
{
  return 1.0 / (1.0 + 0.06 * MAX (s->liver_fat - 2.5, 0.0));
}

/* How much of metformin's liver effect the glycaemia lets act, 0..1. Metformin lowers
 * gluconeogenesis (Hundal 2000: -36 % in type 2 diabetes), and gluconeogenesis is what rises
 * above normal as the glycaemia does; where HbA1c is normal there is little excess to remove,
 * and metformin lowers glucose little (in the DPP it prevented least where fasting glucose and
 * HbA1c were lowest: Aroda 2019). Linear in the mean glucose of the last weeks (HbA1c's) from
 * GNG_EXCESS_LOW to GNG_EXCESS_FULL. */
double
gtw_liver_gluconeogenic_excess (const GtwSlow *s)
{
  return CLAMP ((s->gw - GTW_K (GNG_EXCESS_LOW)) / (GTW_K (GNG_EXCESS_FULL) - GTW_K (GNG_EXCESS_LOW)),
                0.0, 1.0);
}

double
gtw_liver_extraction (const GtwSlow *s)
{
  double excess = MAX (s->liver_fat - 2.5, 0.0);
  return GTW_K (HE_REF) * (1.0 - 0.3 * excess / (excess + 15.0));
}
