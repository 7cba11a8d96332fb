/* gtw-model.h: the Glucotwin engine, C + GLib only
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gtw-registry.h"
#include "gtw-units.h"
#include "gtw-patient.h"
#include "gtw-intervention.h"
#include "gtw-labs.h"
#include "gtw-scenario.h"
#include "gtw-simulation.h"
#include "gtw-population.h"
#include "gtw-fit.h"
