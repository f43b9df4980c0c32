#!/usr/bin/env python3
"""Writes a glad-style OpenGL loader from the Khronos XML registry.

Usage: generate.py [--registry gl.xml] [--api-version 3.3] [--out DIR]

Reads Debian's khronos-api registry (/usr/share/khronos-api/gl.xml by
default) and writes DIR/include/glad/glad.h and DIR/src/glad.c for the
OpenGL core profile up to the requested version. The entry point is
gladLoadGLLoader((GLADloadproc)glfwGetProcAddress); GLAD_GL_VERSION_X_Y is
non-zero after loading when the context supports that version.

The output depends only on the registry and the options, so rerunning it
gives the same bytes (tests compare it with the committed files).
Exit status: 0 written, 2 bad arguments or unreadable registry.
"""

import argparse
import os
import sys
import xml.etree.ElementTree as ET

DEFAULT_REGISTRY = "/usr/share/khronos-api/gl.xml"

# The registry's types include <KHR/khrplatform.h>; the loader defines the
# few khronos_* types it needs itself so that it depends on no other header.
KHRONOS_TYPES = """#include <stddef.h>
#include <stdint.h>
typedef int8_t khronos_int8_t;
typedef uint8_t khronos_uint8_t;
typedef int16_t khronos_int16_t;
typedef uint16_t khronos_uint16_t;
typedef int32_t khronos_int32_t;
typedef uint32_t khronos_uint32_t;
typedef int64_t khronos_int64_t;
typedef uint64_t khronos_uint64_t;
typedef float khronos_float_t;
typedef intptr_t khronos_intptr_t;
typedef ptrdiff_t khronos_ssize_t;
"""


def parse_version(text):
    major, _, minor = text.partition(".")
    return (int(major), int(minor))


class Command:
    def __init__(self, name, return_type, params):
        self.name = name
        self.return_type = return_type
        self.params = params  # already formatted "GLenum mode"

    def pointer_type(self):
        return "PFN" + self.name.upper() + "PROC"


def text_of(element, skip=()):
    parts = [element.text or ""]
    for child in element:
        if child.tag not in skip:
            parts.append(text_of(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def read_commands(root):
    commands = {}
    for element in root.iterfind("commands/command"):
        proto = element.find("proto")
        name = proto.find("name").text
        return_type = " ".join((proto.text or "").split() +
                               [t for c in proto if c.tag != "name"
                                for t in text_of(c).split() + (c.tail or "").split()])
        params = []
        for param in element.iterfind("param"):
            params.append(" ".join(text_of(param).split()))
        commands[name] = Command(name, return_type.strip() or "void", params)
    return commands


def read_enums(root):
    enums = {}
    for group in root.iterfind("enums"):
        for element in group.iterfind("enum"):
            api = element.get("api")
            if api is not None and api != "gl":
                continue
            value = element.get("value")
            suffix = element.get("type", "")
            enums[element.get("name")] = value + suffix
    return enums


def read_types(root):
    lines = []
    for element in root.iterfind("types/type"):
        if element.get("name") == "khrplatform" or element.get("api") not in (None, "gl"):
            continue
        text = text_of(element).replace("<apientry/>", "")
        # <apientry/> is an element: its text is empty, so insert the macro.
        if element.find("apientry") is not None:
            parts = [element.text or ""]
            for child in element:
                parts.append("APIENTRY" if child.tag == "apientry" else text_of(child))
                parts.append(child.tail or "")
            text = "".join(parts)
        lines.append(text)
    return lines


def select_features(root, version, profile):
    """The core-profile features up to `version`, each with the commands and
    enums it introduces, minus what later versions up to `version` remove."""
    features = []
    removed_commands, removed_enums = set(), set()
    for feature in root.iterfind("feature"):
        if feature.get("api") != "gl" or parse_version(feature.get("number")) > version:
            continue
        commands, enums = [], []
        for require in feature.iterfind("require"):
            if require.get("profile") not in (None, profile):
                continue
            commands += [c.get("name") for c in require.iterfind("command")]
            enums += [e.get("name") for e in require.iterfind("enum")]
        for remove in feature.iterfind("remove"):
            if remove.get("profile") not in (None, profile):
                continue
            removed_commands.update(c.get("name") for c in remove.iterfind("command"))
            removed_enums.update(e.get("name") for e in remove.iterfind("enum"))
        features.append((feature.get("name"), parse_version(feature.get("number")), commands, enums))
    seen_commands, seen_enums, result = set(), set(), []
    for name, number, commands, enums in features:
        kept_commands = []
        for command in commands:
            if command not in removed_commands and command not in seen_commands:
                seen_commands.add(command)
                kept_commands.append(command)
        kept_enums = []
        for enum in enums:
            if enum not in removed_enums and enum not in seen_enums:
                seen_enums.add(enum)
                kept_enums.append(enum)
        result.append((name, number, kept_commands, kept_enums))
    return result


def header(features, commands, enums, types, version):
    out = []
    w = out.append
    w("/* glad.h: OpenGL %d.%d core loader, generated by third_party/glad/generate.py\n"
      " * from the Khronos registry (Debian package khronos-api). Do not edit. */\n" % version)
    w("#ifndef GLAD_GLAD_H_\n#define GLAD_GLAD_H_\n\n")
    w("#if defined(__gl_h_) || defined(__GL_H__) || defined(__glext_h_)\n"
      "#error OpenGL header already included, remove it or include glad.h first\n#endif\n")
    w("#define __gl_h_\n#define __GL_H__\n#define __glext_h_\n\n")
    w("#ifndef APIENTRY\n#define APIENTRY\n#endif\n#ifndef APIENTRYP\n#define APIENTRYP APIENTRY *\n#endif\n")
    w("#ifndef GLAPI\n#define GLAPI extern\n#endif\n\n")
    w("#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n")
    w("struct gladGLversionStruct {\n    int major;\n    int minor;\n};\n")
    w("GLAPI struct gladGLversionStruct GLVersion;\n\n")
    w("typedef void *(*GLADloadproc)(const char *name);\n")
    w("/* Loads every function of the versions the current context supports.\n"
      " * Returns non-zero when at least OpenGL 1.0 was found. */\n")
    w("GLAPI int gladLoadGLLoader(GLADloadproc load);\n\n")
    w(KHRONOS_TYPES)
    for line in types:
        w(line + "\n")
    w("\n")
    for name, _number, _cmds, feature_enums in features:
        if feature_enums:
            w("/* %s */\n" % name)
        for enum in feature_enums:
            w("#define %s %s\n" % (enum, enums[enum]))
    w("\n")
    for name, _number, feature_commands, _enums in features:
        w("#ifndef %s\n#define %s 1\n" % (name, name))
        w("GLAPI int GLAD_%s;\n" % name)
        for command_name in feature_commands:
            command = commands[command_name]
            params = ", ".join(command.params) or "void"
            w("typedef %s (APIENTRYP %s)(%s);\n" % (command.return_type, command.pointer_type(), params))
            w("GLAPI %s glad_%s;\n" % (command.pointer_type(), command.name))
            w("#define %s glad_%s\n" % (command.name, command.name))
        w("#endif\n")
    w("\n#ifdef __cplusplus\n}\n#endif\n\n#endif /* GLAD_GLAD_H_ */\n")
    return "".join(out)


def source(features, commands, version):
    out = []
    w = out.append
    w("/* glad.c: OpenGL %d.%d core loader, generated by third_party/glad/generate.py\n"
      " * from the Khronos registry (Debian package khronos-api). Do not edit. */\n" % version)
    w("#include <stdio.h>\n#include <string.h>\n#include <glad/glad.h>\n\n")
    w("struct gladGLversionStruct GLVersion = {0, 0};\n\n")
    for name, _number, _cmds, _enums in features:
        w("int GLAD_%s = 0;\n" % name)
    w("\n")
    for _name, _number, feature_commands, _enums in features:
        for command_name in feature_commands:
            command = commands[command_name]
            w("%s glad_%s = NULL;\n" % (command.pointer_type(), command.name))
    w("\n")
    w("/* Object and function pointers have the same size and representation on\n"
      " * every platform with dlsym; memcpy keeps the conversion within ISO C. */\n")
    w("static void load_proc(void *target, GLADloadproc load, const char *name) {\n")
    w("    void *proc = load(name);\n")
    w("    memcpy(target, &proc, sizeof proc);\n")
    w("}\n\n")
    for name, _number, feature_commands, _enums in features:
        w("static void load_%s(GLADloadproc load) {\n" % name)
        w("    if (!GLAD_%s) return;\n" % name)
        for command_name in feature_commands:
            command = commands[command_name]
            w("    load_proc(&glad_%s, load, \"%s\");\n" % (command.name, command.name))
        w("}\n\n")
    w("/* Reads \"major.minor\" from GL_VERSION, skipping an \"OpenGL ES\" prefix. */\n")
    w("static void find_core(void) {\n")
    w("    static const char *prefixes[] = {\"OpenGL ES-CM \", \"OpenGL ES-CL \", \"OpenGL ES \", NULL};\n")
    w("    const char *version = (const char *)glGetString(GL_VERSION);\n")
    w("    int major = 0, minor = 0, i;\n")
    w("    if (version == NULL) return;\n")
    w("    for (i = 0; prefixes[i] != NULL; ++i) {\n")
    w("        size_t length = strlen(prefixes[i]);\n")
    w("        if (strncmp(version, prefixes[i], length) == 0) {\n")
    w("            version += length;\n")
    w("            break;\n")
    w("        }\n")
    w("    }\n")
    w("    if (sscanf(version, \"%d.%d\", &major, &minor) != 2) return;\n")
    w("    GLVersion.major = major;\n    GLVersion.minor = minor;\n")
    for name, number, _cmds, _enums in features:
        w("    GLAD_%s = (major == %d && minor >= %d) || major > %d;\n" % (name, number[0], number[1], number[0]))
    w("}\n\n")
    w("int gladLoadGLLoader(GLADloadproc load) {\n")
    w("    GLVersion.major = 0;\n    GLVersion.minor = 0;\n")
    w("    load_proc(&glad_glGetString, load, \"glGetString\");\n")
    w("    if (glad_glGetString == NULL) return 0;\n")
    w("    find_core();\n")
    for name, _number, _cmds, _enums in features:
        w("    load_%s(load);\n" % name)
    w("    return GLVersion.major != 0;\n}\n")
    return "".join(out)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registry", default=DEFAULT_REGISTRY, help="path to gl.xml")
    parser.add_argument("--api-version", default="3.3", help="highest OpenGL version, e.g. 3.3")
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)),
                        help="output directory (gets include/glad/glad.h and src/glad.c)")
    args = parser.parse_args(argv)
    try:
        version = parse_version(args.api_version)
    except ValueError:
        print("generate.py: --api-version: expected MAJOR.MINOR, got %r" % args.api_version, file=sys.stderr)
        return 2
    try:
        root = ET.parse(args.registry).getroot()
    except (OSError, ET.ParseError) as error:
        print("generate.py: %s: %s" % (args.registry, error), file=sys.stderr)
        return 2
    commands = read_commands(root)
    enums = read_enums(root)
    features = select_features(root, version, "core")
    types = read_types(root)
    os.makedirs(os.path.join(args.out, "include", "glad"), exist_ok=True)
    os.makedirs(os.path.join(args.out, "src"), exist_ok=True)
    with open(os.path.join(args.out, "include", "glad", "glad.h"), "w", encoding="utf-8", newline="\n") as f:
        f.write(header(features, commands, enums, types, version))
    with open(os.path.join(args.out, "src", "glad.c"), "w", encoding="utf-8", newline="\n") as f:
        f.write(source(features, commands, version))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
