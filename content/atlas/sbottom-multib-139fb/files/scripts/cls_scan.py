"""Computes observed and expected CLs for every signal point of one region.

Reads the background-only workspace and the signal patchset published with the
paper on HEPData (ins1748602) and writes one JSON line per signal point.

    python3 cls_scan.py BkgOnly.json patchset.json > results/cls_RegionA.jsonl
"""
import json
import sys

import pyhf


def main(background_path, patchset_path):
    with open(background_path) as f:
        workspace = pyhf.Workspace(json.load(f))
    with open(patchset_path) as f:
        patchset = pyhf.PatchSet(json.load(f))
    for patch in patchset:
        model = workspace.model(patches=[patch], modifier_settings={
            "normsys": {"interpcode": "code4"},
            "histosys": {"interpcode": "code4p"},
        })
        data = workspace.data(model)
        observed, expected = pyhf.infer.hypotest(
            1.0, data, model, test_stat="qtilde", return_expected_set=True
        )
        print(json.dumps({
            "patch": patch.name,
            "values": patch.values,
            "CLs_obs": float(observed),
            "CLs_exp": [float(x) for x in expected],
        }))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
