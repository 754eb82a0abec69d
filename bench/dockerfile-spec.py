#!/usr/bin/env python3
"""Prints, as bash assignments, what the Dockerfile's runtime stage says about running the jar:
its ENV values, the jar extraction, the AOT training command, the ENTRYPOINT and the HEALTHCHECK.
bench/footprint.sh evals this so that what it measures cannot drift from what the image runs."""
import json
import shlex
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "Dockerfile"
lines, current = [], ""
for raw in open(path, encoding="utf-8"):
    line = raw.rstrip("\n")
    if line.lstrip().startswith("#") and not current:
        continue
    if line.endswith("\\"):
        current += line[:-1] + " "
        continue
    lines.append(current + line)
    current = ""

stages = [[]]
for line in lines:
    if line.startswith("FROM "):
        stages.append([])
    stages[-1].append(line)
build, run = stages[-2], stages[-1]

env = []
for line in run:
    if line.startswith("ENV "):
        env += shlex.split(line[4:])
extract = train = entry = health = None
for line in build:
    if "-Djarmode=tools" in line:
        extract = next(p for p in line.split("&&") if "-Djarmode=tools" in p).replace("RUN", "").strip()
for line in run:
    if line.startswith("RUN ") and "AOTCacheOutput" in line:
        train = line[4:].split("&&")[0].strip()
    if line.startswith("ENTRYPOINT "):
        entry = json.loads(line[len("ENTRYPOINT "):])
    if line.startswith("HEALTHCHECK "):
        health = json.loads(line[line.index("CMD ") + 4:])
if not (extract and train and entry and health):
    sys.exit("Dockerfile: could not find the extract, AOT training, ENTRYPOINT or HEALTHCHECK line")

def array(name, words):
    print(name + "=(" + " ".join(shlex.quote(w) for w in words) + ")")

array("DOCKER_ENV", env)
array("EXTRACT_CMD", shlex.split(extract))
array("TRAIN_CMD", shlex.split(train))
array("ENTRY_CMD", entry)
array("HEALTH_CMD", health)
