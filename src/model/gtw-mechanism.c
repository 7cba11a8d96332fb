/* gtw-mechanism.c: from the drivers to Si and hepaSi (model reference section 5)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Resolves a day's interventions into effects, builds the fast core's parameters from the slow
 * states, and advances the slow states once a day with exact exponential relaxation. Each
 * mechanism's own targets and factors live in its gtw-mech-*.c module, one per row of the
 * reference's table (gtw-model-private.h lists them in its order).
 */
#include <string.h>

#include "gtw-intervention-private.h"
#include "gtw-model-private.h"

void
gtw_mechanism_prepare (const GtwPatient    *patient,
                       GtwPatientConstants *pc)
{
  double age = patient->v[GTW_P_AGE];
  double bmi = gtw_patient_bmi (patient);
  gboolean female = gtw_patient_is_female (patient);
  double t_short = bmi >= 30 ? GTW_K (CP_TSHORT_OBESE) : GTW_K (CP_TSHORT);
  double frac = bmi >= 30 ? 0.78 : GTW_K (CP_F);
  double t_long = 0.14 * age + 29.16; /* Van Cauter 1992 */
  double a = G_LN2 / t_short, b = G_LN2 / t_long;
  double bsa = gtw_patient_bsa (patient);
  GtwSlow slow = { .weight = patient->v[GTW_P_WEIGHT] };
  GtwDrivers none = { 0 };

  memset (pc, 0, sizeof *pc);
  pc->patient = *patient;
  pc->liver_fat_gain = 1.0; /* until the day-0 state is built: gtw_liver_fat_calibrate () */
  pc->bmi0 = bmi;
  pc->cp_k12 = frac * b + (1 - frac) * a;
  pc->cp_k01 = a * b / pc->cp_k12;
  pc->cp_k21 = a + b - pc->cp_k01 - pc->cp_k12;
  pc->cp_v = female ? 1.11 * bsa + 2.04 : 1.92 * bsa + 0.64;

  none.age = age;
  pc->intake0 = gtw_adiposity_expenditure (pc, &slow, &none) + patient->v[GTW_P_ENERGY_SURPLUS];
}

void
gtw_mechanism_init_slow (const GtwPatientConstants *pc,
                         GtwSlow                   *slow)
{
  const GtwPatient *pt = &pc->patient;

  memset (slow, 0, sizeof *slow);
  slow->si = GTW_K (SI_REF);
  slow->hepasi = 1.0;
  slow->weight = pt->v[GTW_P_WEIGHT];
  slow->visceral = pt->v[GTW_P_VISCERAL_FAT];
  slow->liver_fat = pt->v[GTW_P_LIVER_FAT];
  slow->imcl = 1.0;
  slow->inflammation = 1.0;
  slow->barrier = pt->v[GTW_P_GUT_BARRIER];
  slow->akkermansia = pt->v[GTW_P_AKKERMANSIA];
  slow->receptor = 1.0;
  slow->glut4 = 1.0;
  slow->omega3 = pt->v[GTW_P_OMEGA3_INDEX];
  slow->magnesium = pt->v[GTW_P_MAGNESIUM];
  slow->chromium = pt->v[GTW_P_CHROMIUM];
  slow->tg = 1.0;
  slow->hdl = 1.3;
  slow->shbg = 50.0;
  slow->gw = 95.0;
}

/* Exposure level of an intervention at time t (days): ramps in with tau_on while active and
 * washes out with tau_off after its end, scaled by adherence. */
double
gtw_intervention_level (const GtwIntervention *iv,
                        double                 t)
{
  const GtwInterventionClass *klass = gtw_intervention_class (iv->type);
  double on_tau = MAX (klass->tau_on_days, 0.01), off_tau = MAX (klass->tau_off_days, 0.01);
  double end;

  if (t < iv->start_day)
    return 0.0;
  end = iv->end_day < 0 ? G_MAXDOUBLE : iv->end_day + 1.0;
  if (t <= end)
    return iv->adherence * (1.0 - exp (-(t - iv->start_day) / on_tau));
  return iv->adherence * (1.0 - exp (-(end - iv->start_day) / on_tau)) * exp (-(t - end) / off_tau);
}

static void
add_meal (GtwDrivers *drv,
          double      time_h,
          double      carbs)
{
  if (carbs <= 0 || drv->n_meals >= GTW_MAX_MEALS)
    return;
  drv->meals[drv->n_meals].minute = (int) lround (time_h * 60.0);
  drv->meals[drv->n_meals].carbs_g = carbs;
  drv->n_meals++;
}

static int
compare_meals (gconstpointer a, gconstpointer b)
{
  return ((const GtwMeal *) a)->minute - ((const GtwMeal *) b)->minute;
}

void
gtw_mechanism_drivers (const GtwPatientConstants *pc,
                       const GtwSlow             *slow,
                       const GArray              *interventions,
                       int                        day,
                       GtwDrivers                *drv)
{
  const GtwPatient *pt = &pc->patient;
  double carbs_total, removed, keep, expenditure, usual_intake, diet_scale = 1.0;
  static const guint meal_bits[] = { 1, 2, 4, 0 };

  memset (drv, 0, sizeof *drv);
  drv->age = pt->v[GTW_P_AGE] + day / 365.25;

  for (guint i = 0; interventions && i < interventions->len; i++)
    {
      const GtwIntervention *iv = &g_array_index (interventions, GtwIntervention, i);
      double level = gtw_intervention_level (iv, day + 0.5);

      if (level > 1e-6)
        gtw_intervention_class (iv->type)->contribute (iv, level, &drv->fx);
      if (iv->type == GTW_IV_EXERCISE && drv->n_sessions < GTW_MAX_SESSIONS)
        {
          guint n = gtw_exercise_sessions_on_day (iv, day, drv->sessions + drv->n_sessions,
                                                  GTW_MAX_SESSIONS - drv->n_sessions);
          drv->n_sessions += n;
          if (n)
            drv->session_adherence = iv->adherence;
        }
    }

  carbs_total = pt->v[GTW_P_BREAKFAST_CARBS] + pt->v[GTW_P_LUNCH_CARBS] + pt->v[GTW_P_DINNER_CARBS]
                + pt->v[GTW_P_SNACK_CARBS];
  removed = carbs_total * pt->v[GTW_P_REFINED_CARBS] * drv->fx.carb_reduction;
  /* Half of the energy of removed carbohydrate comes back as fat and protein (ad libitum low-
   * carbohydrate diets lower intake by a few hundred kcal: Hall 2015). */
  expenditure = gtw_adiposity_expenditure (pc, slow, drv);
  usual_intake = pc->intake0 - 0.5 * 4.0 * removed + gtw_adiposity_appetite (pc, slow);

  /* Carbohydrate reduction removes part of the refined share of every meal. */
  keep = 1.0 - pt->v[GTW_P_REFINED_CARBS] * drv->fx.carb_reduction;
  /* After a low-calorie diet the patient eats less than appetite asks, less so as months pass
   * (gtw-mech-adiposity.c); while it lasts, this is what would hold the weight where it is. */
  drv->hold_need = MAX (usual_intake - expenditure, 0.0);
  drv->energy_intake = MAX (usual_intake - slow->restraint - slow->restraint_kept, 0.0);
  if (drv->fx.diet_level > 0)
    {
      /* A low-calorie diet replaces the food: its formula meals, at the usual meal times, carry
       * DIET_CARB_SHARE of its energy as carbohydrate, and appetite does not add to it. At a
       * healthy weight the programme moves to maintenance (gtw-iv-low-calorie-diet.c). */
      double height_m = pt->v[GTW_P_HEIGHT] / 100.0;
      double bmi = slow->weight / (height_m * height_m);
      double maintain = CLAMP ((23.0 - bmi) / 2.0, 0.0, 1.0);
      double diet = drv->fx.diet_kcal + maintain * MAX (expenditure - drv->fx.diet_kcal, 0.0);
      double usual_carbs = carbs_total * keep;
      double diet_carbs = GTW_K (DIET_CARB_SHARE) * diet / 4.0;
      double level = drv->fx.diet_level;

      diet_scale = 1.0 - level * (1.0 - (usual_carbs > 0 ? MIN (1.0, diet_carbs / usual_carbs) : 1.0));
      drv->energy_intake = (1.0 - level) * drv->energy_intake + level * MIN (diet, usual_intake);
    }
  keep *= diet_scale;
  add_meal (drv, pt->v[GTW_P_BREAKFAST_TIME], pt->v[GTW_P_BREAKFAST_CARBS] * keep);
  add_meal (drv, pt->v[GTW_P_LUNCH_TIME], pt->v[GTW_P_LUNCH_CARBS] * keep);
  add_meal (drv, pt->v[GTW_P_DINNER_TIME], pt->v[GTW_P_DINNER_CARBS] * keep);
  add_meal (drv, pt->v[GTW_P_SNACK_TIME], pt->v[GTW_P_SNACK_CARBS] * keep);
  qsort (drv->meals, drv->n_meals, sizeof (GtwMeal), compare_meals);

  if (drv->fx.protein_g > 0)
    {
      /* main meals in clock order: breakfast, lunch, dinner */
      guint main = 0;
      for (guint i = 0; i < drv->n_meals; i++)
        {
          gboolean is_snack = pt->v[GTW_P_SNACK_CARBS] > 0
                              && drv->meals[i].minute == (int) lround (pt->v[GTW_P_SNACK_TIME] * 60.0);
          if (is_snack)
            continue;
          if (meal_bits[MIN (main, 3)] & drv->fx.protein_meals)
            {
              drv->meals[i].protein_g = drv->fx.protein_g;
              drv->meals[i].protein_lead = drv->fx.protein_lead_min;
            }
          main++;
        }
    }

  drv->refined_g = carbs_total * pt->v[GTW_P_REFINED_CARBS] * (1.0 - drv->fx.carb_reduction) * diet_scale;
  drv->fructose_g = pt->v[GTW_P_FRUCTOSE] * (1.0 - drv->fx.fructose_reduction) * diet_scale;
  drv->energy_balance = drv->energy_intake - expenditure;

  drv->training = pt->v[GTW_P_HABITUAL_EXERCISE] / 150.0 + drv->fx.training_load;
  drv->resistance = drv->fx.resistance_load;
  drv->fasting_minute = (int) lround (pt->v[GTW_P_BREAKFAST_TIME] * 60.0);
}

static double
si_ceiling (double si)
{
  return si / pow (1.0 + pow (si / GTW_K (SI_MAX), 4), 0.25);
}

/* The Si that sets the liver's capacity and its suppression constant in Ha & Sherman's liver
 * output. They fitted it to whole-body Si along the road to diabetes, where muscle and liver
 * lose their sensitivity together. But the two have their own causes: muscle through its GLUT4
 * and its lipid (DAG and ceramide through PKC-theta), the liver through its own fat (DAG through
 * PKC-epsilon: Samuel & Shulman 2012), and they part when a treatment acts on one of them.
 * Training raises muscle's GLUT4 and burns its lipid; what it does for the liver comes through
 * the liver's own fat (Smart 2016). Weight loss empties the liver of fat, and the liver's
 * output and fasting glucose normalise while muscle's insulin resistance has not changed
 * (Petersen 2005: 8 kg; Lim 2011: within a week of 600 kcal/day). So the whole-body Si of
 * Ha & Sherman is used as it stands on day 0, and from then on it moves with everything but
 * muscle's share (GLUT4 x the muscle lipid factor), which is replaced by the liver fat factor
 * (Seppala-Lindroos 2002, the one that scales hepatic Si).
 * On day 0 the two ratios are 1 and every patient is where he was; untreated, the progressor's
 * muscle lipid and liver fat factors fall together (0.82 and 0.84 of day 0 by year 4).
 * Beyond SI_HGP_MAX the capacity stays where it is: fitted for the fall of Si towards
 * diabetes, Ha & Sherman's capacity reaches zero at Si 4.1, and a very fit patient's liver
 * would stop making glucose overnight. */
double
gtw_mechanism_si_liver (const GtwPatientConstants *pc,
                        const GtwSlow             *slow)
{
  double si = slow->si * slow->receptor;

  if (pc->muscle0 > 0)
    si *= (gtw_liver_g_factor (slow) / pc->liver0)
          / (slow->glut4 * gtw_imcl_f_factor (slow) / pc->muscle0);
  return MIN (si, GTW_K (SI_HGP_MAX));
}

double
gtw_mechanism_si_target (const GtwPatientConstants *pc,
                         const GtwSlow             *slow,
                         const GtwDrivers          *drv)
{
  double si = GTW_K (SI_REF) * pc->patient.v[GTW_P_SI_INTRINSIC]
              * gtw_constitution_f_factor (pc, drv)
              * gtw_imcl_f_factor (slow)
              * gtw_inflammation_f_factor (slow)
              * slow->glut4
              * gtw_cofactor_f_factor (slow)
              * gtw_membrane_f_factor (slow);

  /* The factors multiply, and with all of them at their best (a lean, very fit patient on
   * every supplement) the product would reach four times the reference, beyond anything
   * measured. It bends smoothly towards SI_MAX and is untouched in the usual range (-0.3 % at
   * the reference). */
  return si_ceiling (si);
}

double
gtw_mechanism_hepasi_target (const GtwPatientConstants *pc,
                             const GtwSlow             *slow,
                             const GtwDrivers          *drv)
{
  return pc->patient.v[GTW_P_HEPATIC_SI_INTRINSIC]
         * gtw_liver_g_factor (slow)
         * gtw_inflammation_g_factor (slow)
         * gtw_cortisol_g_factor (pc);
}

void
gtw_mechanism_core_params (const GtwPatientConstants *pc,
                           const GtwSlow             *slow,
                           const GtwDrivers          *drv,
                           GtwCoreParams             *p)
{
  double he = gtw_liver_extraction (slow);
  double suppression, base;

  memset (p, 0, sizeof *p);
  /* The drugs' Akt boost (berberine, alpha-lipoic acid) bends under the same ceiling as Si's
   * own drivers: it adds little to a patient whose Si is already near SI_MAX. Without a boost,
   * p->si is the product itself. */
  base = slow->si * slow->receptor;
  p->si = drv->fx.akt > 0 ? base * si_ceiling (base * (1.0 + drv->fx.akt)) / si_ceiling (base) : base;
  p->si_hgp = gtw_mechanism_si_liver (pc, slow);
  p->hepasi = slow->hepasi;
  p->ampk_drug = drv->fx.ampk;
  /* AMPK raises insulin-independent uptake by AMPK_UPTAKE_GAIN at full activation: the
   * drugs can speed up resting muscle (Hawley 2002; Turner 2014 for berberine), not the brain,
   * which takes about half of fasting uptake (Gerich 2000). Berberine and metformin act on the
   * same AMPK node and the same gluconeogenic enzymes (PEPCK/G6Pase), so their effects combine
   * as 1 - prod (1 - e), never beyond full activation, and hepatic suppression never beyond the
   * ceiling seen with metformin at full dose (Hundal 2000: gluconeogenesis -36 %). */
  p->eg0_factor = 1.0 + GTW_K (AMPK_UPTAKE_GAIN) * drv->fx.ampk;
  suppression = 1.0 - (1.0 - drv->fx.hgp_suppression)
                      * (1.0 - drv->fx.hgp_suppression_glycaemic * gtw_liver_gluconeogenic_excess (slow));
  p->hgp_factor = (1.0 - GTW_K (HGP_SUPPRESSION_MAX) * CLAMP (suppression, 0.0, 1.0))
                  * (1.0 - 0.08 * drv->fx.ampk);
  p->hgp_factor *= gtw_liver_glycogen_factor (slow, drv);
  p->cortisol_extra = gtw_cortisol_morning_extra (pc);
  p->posthepatic = (1.0 - he) / (1.0 - GTW_K (HE_REF));
  p->isri_bar = pc->patient.v[GTW_P_BETA_RESERVE] * gtw_beta_capacity_factor (slow);
  p->apoptosis_extra = gtw_beta_apoptosis_extra (slow);
  p->apoptosis_stress = gtw_beta_apoptosis_stress (slow);
  p->beta_own = pc->patient.v[GTW_P_BETA_MASS] * GTW_K (BETA_REF);
  p->bw = slow->weight;
  p->vg = GTW_K (VG);
  p->cp_k01 = pc->cp_k01;
  p->cp_k12 = pc->cp_k12;
  p->cp_k21 = pc->cp_k21;
  p->cp_v = pc->cp_v;
  /* 1 µU = 0.006 pmol (1 µU/mL = 6 pmol/L); the core's I is post-hepatic at HE_ref */
  p->isr_to_pmol = GTW_K (VI_CAL) * 1000.0 * 0.006 / (1.0 - GTW_K (HE_REF));
  p->gf_factor = 1.0;
  p->incretin = gtw_incretin_factor (slow);
  p->kmax_factor = 1.0;
  p->sigma_speed = gtw_beta_sigma_speed (drv);
}

void
gtw_mechanism_update (const GtwPatientConstants *pc,
                      GtwSlow                   *s,
                      const GtwDrivers          *drv,
                      const GtwDayStats         *st,
                      double                     dt,
                      gboolean                   settle)
{
  /* settle: the states that follow their drivers within weeks start at their targets */
  double big = settle ? 1e-9 : 1.0;
  double mean_i = st->mean_i;

  if (!settle)
    gtw_adiposity_update (pc, s, drv, dt);

  s->liver_fat = gtw_relax (s->liver_fat, gtw_liver_fat_target (pc, s, drv, mean_i),
                            GTW_K (TAU_LIVER_FAT), settle ? 0 : dt);
  s->imcl = gtw_relax (s->imcl, gtw_imcl_target (pc, s, drv), GTW_K (TAU_IMCL) * big, dt);
  s->glut4 = gtw_relax (s->glut4, gtw_glut4_target (drv), GTW_K (TAU_GLUT4) * big, dt);
  s->barrier = gtw_relax (s->barrier, gtw_barrier_target (pc, drv), GTW_K (TAU_GUT) * big, dt);
  s->akkermansia = gtw_relax (s->akkermansia, gtw_akkermansia_target (pc, drv), GTW_K (TAU_GUT) * big, dt);
  s->omega3 = gtw_relax (s->omega3, gtw_omega3_target (pc, drv), GTW_K (TAU_OMEGA3) * big, dt);
  s->magnesium = gtw_relax (s->magnesium, gtw_magnesium_target (pc, drv), GTW_K (TAU_COFACTOR) * big, dt);
  s->chromium = gtw_relax (s->chromium, gtw_chromium_target (pc, drv), GTW_K (TAU_COFACTOR) * big, dt);
  s->inflammation = gtw_relax (s->inflammation, gtw_inflammation_target (s), GTW_K (TAU_INFLAM) * big, dt);
  /* Ha & Sherman 2020 relax receptor density towards its target at the insulin of the moment
   * (pathway_FIG9.m); over a day that is the day's mean of the target, not the target at the
   * day's mean insulin: the meals' peaks count at the saturated end of the curve. Density is
   * relative to the healthy reference day, where the meals' peaks take it to RECEPTOR_REF. */
  s->receptor = gtw_relax (s->receptor, st->mean_fe / GTW_K (RECEPTOR_REF), GTW_K (TAU_RECEPTOR) * big, dt);
  s->tg = gtw_relax (s->tg, gtw_tg_target (s, drv, mean_i), GTW_K (TAU_TG) * big, dt);
  s->hdl = gtw_relax (s->hdl, gtw_hdl_target (pc, s, drv), GTW_K (TAU_HDL) * big, dt);
  s->shbg = gtw_relax (s->shbg, gtw_shbg_target (pc, st->fasting_i), 14.0 * big, dt);
  s->gw = gtw_relax (s->gw, st->mean_g, GTW_K (TAU_HBA1C) * big, dt);
  gtw_beta_stress_update (s, gtw_beta_stress_target (st->mean_isr), dt, settle);
  s->si = gtw_relax (s->si, gtw_mechanism_si_target (pc, s, drv), GTW_K (TAU_SI) * big, dt);
  s->hepasi = gtw_relax (s->hepasi, gtw_mechanism_hepasi_target (pc, s, drv), GTW_K (TAU_HEPASI) * big, dt);
}
