/* main.c: marginalia-tool, the command line over the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mg-tool.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "import",   mg_tool_import,   N_("Import articles into a dataset") },
  { "validate", mg_tool_validate, N_("Check datasets against the format") },
  { "stats",    mg_tool_stats,    N_("Count documents and annotations") },
  { "scheme",   mg_tool_scheme,   N_("Export, import or start from a coding scheme") },
  { "export",   mg_tool_export,   N_("Export a dataset for other tools") },
  { "suggest",  mg_tool_suggest,  N_("Add the suggested quotes, actors and figures to a dataset") },
  { "agree",    mg_tool_agree,    N_("Measure agreement between annotators") },
  { "merge",    mg_tool_merge,    N_("Merge datasets into a gold dataset") },
  { "merge-driver", mg_tool_merge_driver, N_("Merge three versions of a dataset, for git") },
  { "diff",     mg_tool_diff,     N_("Say what changed between two versions of a dataset") },
  { "git-setup", mg_tool_git_setup, N_("Set up a git repository to merge and diff datasets") },
};

static void
usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: marginalia-tool COMMAND [OPTION…] [ARGUMENT…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-13s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “marginalia-tool COMMAND --help” for a command's options."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("marginalia-tool");

  if (argc < 2)
    {
      usage (stderr);
      return MG_TOOL_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      usage (stdout);
      return mg_tool_finish_output (MG_TOOL_OK);
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("marginalia-tool %s\n", PACKAGE_VERSION);
      return mg_tool_finish_output (MG_TOOL_OK);
    }

  /* Every command's output is checked once it is all written. */
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return mg_tool_finish_output (commands[i].run (argc - 1, argv + 1));

  {
    g_autofree char *shown = mg_tool_escape (argv[1]);

    g_printerr (_("marginalia-tool: unknown command “%s”\n"), shown);
  }
  usage (stderr);
  return MG_TOOL_USAGE;
}
