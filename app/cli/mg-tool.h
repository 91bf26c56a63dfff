/* mg-tool.h: the commands of marginalia-tool
 *
 * Each command takes its own argv (argv[0] is the command's name) and
 * returns the exit status: 0 success, 1 an input invalid or unreadable or
 * an output that could not be written, 2 a usage error. Messages go to
 * standard error through mg_tool_problem(), which escapes what a terminal
 * would obey, and begin with the name of the file they are about.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define MG_TOOL_OK      0
#define MG_TOOL_INVALID 1
#define MG_TOOL_USAGE   2

int  mg_tool_import   (int    argc,
                       char **argv);
int  mg_tool_export   (int    argc,
                       char **argv);
int  mg_tool_validate (int    argc,
                       char **argv);
int  mg_tool_stats    (int    argc,
                       char **argv);
int  mg_tool_scheme   (int    argc,
                       char **argv);
int  mg_tool_suggest  (int    argc,
                       char **argv);

int  mg_tool_agree    (int    argc,
                       char **argv);
int  mg_tool_merge    (int    argc,
                       char **argv);
int  mg_tool_merge_driver (int    argc,
                           char **argv);
int  mg_tool_diff     (int    argc,
                       char **argv);
int  mg_tool_git_setup (int    argc,
                        char **argv);

GPtrArray *mg_tool_load_datasets (char      **paths,
                                  int         n,
                                  GPtrArray **names);

int  mg_tool_parse    (GOptionContext *context,
                       int            *argc,
                       char         ***argv);
void mg_tool_problem  (const char     *format,
                       ...) G_GNUC_PRINTF (1, 2);
void mg_tool_print_json (JsonNode     *root);
char *mg_tool_escape  (const char     *text);
char *mg_tool_escape_lines (const char *text);
gboolean mg_tool_check_outputs (const char  *command,
                                const char **outputs,
                                int          n_outputs,
                                char       **inputs,
                                int          n_inputs);
gboolean mg_tool_write_stdout (const void *data,
                               gsize       n_bytes);
gboolean mg_tool_flush_stdout (void);
int  mg_tool_finish_output (int        status);

G_END_DECLS
