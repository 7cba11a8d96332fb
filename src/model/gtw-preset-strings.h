/* gtw-preset-strings.h: the presets' titles and descriptions, for translation
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generated from data/presets/*.glucotwin.json by scripts/update-preset-strings: do not
 * edit. Only xgettext reads this file; gtw_preset_load () translates the loaded text.
 */
#pragma once

#if 0
/* Translators: the title of the preset patient "compensated-ir" */
N_("Compensated insulin resistance")
/* Translators: the description of the preset patient "compensated-ir" */
N_("A 45-year-old woman with central obesity (165 cm, 88 kg, BMI 32, waist 102 cm), early fatty liver and a leaky gut barrier, who eats a modest daily surplus rich in refined carbohydrate and fructose and does no structured exercise. Her muscles and liver respond poorly to insulin, but her beta cells have grown to one and a half times the reference mass and keep fasting glucose and HbA1c normal at the price of high fasting insulin and a raised HOMA-IR. The story is the one routine glucose tests miss: hyperinsulinaemia years before any glucose value is abnormal.")
/* Translators: the title of the preset patient "early-t2d" */
N_("Early type 2 diabetes")
/* Translators: the description of the preset patient "early-t2d" */
N_("A 55-year-old man with obesity (176 cm, 98 kg, BMI 32, waist 110 cm), marked visceral and liver fat and little activity, shortly after the diagnosis of type 2 diabetes. About half of his beta-cell mass and most of its secretory function are lost, so insulin secretion can no longer match his insulin resistance: fasting glucose and HbA1c are in the diabetic range and glucose stays high after meals. The story is how far lifestyle change and medication can still restore control while the remaining beta cells are preserved.")
/* Translators: the title of the preset patient "healthy" */
N_("Healthy adult")
/* Translators: the description of the preset patient "healthy" */
N_("A 45-year-old man of average build (175 cm, 75 kg, BMI 24.5, waist 88 cm) who walks about 8000 steps a day and exercises an hour a week. Insulin sensitivity, liver fat, visceral fat and beta-cell capacity are at the reference values, so fasting glucose, the glucose tolerance test and HbA1c stay normal for the whole run. Use him as the yardstick against which the other presets and any intervention are compared.")
/* Translators: the title of the preset patient "metabolic-syndrome" */
N_("Metabolic syndrome")
/* Translators: the description of the preset patient "metabolic-syndrome" */
N_("A 50-year-old man with abdominal obesity (178 cm, 100 kg, BMI 32, waist 112 cm), a fatty liver, a diet high in sugar, fructose and refined carbohydrate, a small daily energy surplus and very little movement. He shows the cluster of the metabolic syndrome: large waist, high triglycerides, low HDL cholesterol and borderline glucose, held together by visceral fat and insulin resistance. The story is how the lipid and glucose abnormalities share one cause and improve together when diet and activity change.")
/* Translators: the title of the preset patient "pcos" */
N_("Polycystic ovary syndrome")
/* Translators: the description of the preset patient "pcos" */
N_("A 28-year-old woman with polycystic ovary syndrome and a moderately raised weight (165 cm, 80 kg, BMI 29, waist 92 cm). Insulin resistance is stronger than her weight alone explains, and her enlarged beta-cell mass answers it with high insulin levels, which in turn drive ovarian androgen production and lower SHBG. Glucose values are usually still normal; the story is how insulin and androgens reinforce each other, and how improving insulin sensitivity eases both.")
/* Translators: the title of the preset patient "prediabetes-ifg" */
N_("Prediabetes with impaired fasting glucose")
/* Translators: the description of the preset patient "prediabetes-ifg" */
N_("A 55-year-old man with abdominal obesity (178 cm, 92 kg, BMI 29, waist 104 cm) whose main problem is the liver: it is fatty and resists insulin, so it keeps releasing glucose overnight, and his beta-cell mass is slightly below the reference. Fasting glucose is raised into the impaired range while the response to a meal is comparatively well preserved. The story is the fasting form of prediabetes, driven by liver fat and hepatic insulin resistance, and what lowering liver fat does to the morning value.")
/* Translators: the title of the preset patient "prediabetes-igt" */
N_("Prediabetes with impaired glucose tolerance")
/* Translators: the description of the preset patient "prediabetes-igt" */
N_("A 55-year-old man with abdominal obesity (176 cm, 95 kg, BMI 31, waist 106 cm), a fatty liver and a sedentary life. His muscles take up glucose poorly and his beta cells, no longer enlarged and with reduced function, cannot fully make up for it: fasting glucose sits at the upper edge of normal, glucose rises higher and stays up longer after meals, HbA1c is in the prediabetic range and the two-hour value of the glucose tolerance test is high. This is the classic post-meal form of prediabetes, where exercise and weight loss act most directly.")
/* Translators: the title of the preset patient "progressor" */
N_("Young progressor")
/* Translators: the description of the preset patient "progressor" */
N_("A 35-year-old man who is still only slightly overweight (178 cm, 78 kg, BMI 25, waist 90 cm) and metabolically normal today, but whose habits point one way: a steady energy surplus, much refined carbohydrate, fructose and saturated fat, a low omega-3 index, few steps and no exercise, with an already weakened gut barrier. In his first six years he puts on about 25 kg, with much more visceral and liver fat, becomes insulin resistant, compensates with more and more insulin while his fasting glucose stays normal for a decade, and then, as his overworked beta cells give out, passes through prediabetes into type 2 diabetes in his second decade. The story is the slow progression itself, and how much earlier intervention changes where he ends up.")
#endif
