"""map_dataframe is a function of one partition: the same mapping runs under Dask."""

from __future__ import annotations

import pandas as pd
import pytest

from loinc_harmonize import Harmonizer
from loinc_harmonize.batch import map_dataframe, output_meta
from loinc_harmonize.vocab import data_dir


def test_dask_map_partitions_equals_pandas() -> None:
    dd = pytest.importorskip("dask.dataframe")
    frame = pd.read_csv(data_dir() / "example_studies.csv", dtype=str, keep_default_na=False)
    frame = pd.concat([frame] * 5, ignore_index=True)
    harmonizer = Harmonizer().fit()
    expected = map_dataframe(frame, harmonizer)
    distributed = dd.from_pandas(frame, npartitions=4)
    result = distributed.map_partitions(map_dataframe, harmonizer, meta=output_meta(frame))
    got = result.compute(scheduler="processes")
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
