/* temporary: replaced within the hour */
#include "config.h"
#include "mg-history.h"
struct _MgHistory { GObject parent_instance; };
G_DEFINE_FINAL_TYPE (MgHistory, mg_history, G_TYPE_OBJECT)
static void mg_history_class_init (MgHistoryClass *k) {}
static void mg_history_init (MgHistory *s) {}
