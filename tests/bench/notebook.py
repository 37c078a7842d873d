#!/usr/bin/python3
"""The notebook a data scientist would write instead of Synthscope: the yardstick of
tests/bench/vs-notebook.sh (issue 16), run on demand, never by the tests.

    tests/bench/notebook.py ROLE:FILE:TEXT ...

ROLE is real or synthetic; TEXT is a field name or a template such as '{instruction}\\n{response}'
(the same specs as synthscope-bench and tests/bench/all-corpora.sh). Needs Debian's
python3-sklearn and python3-hnswlib (scikit-learn 1.2, hnswlib 0.6 on Debian 12).

The work, the usual scikit-learn + hnswlib recipe for "does the synthetic data look like the
real data":
  * length and unigram Jensen-Shannon divergence (base 2, in [0, 1]) of real against synthetic;
  * exact duplicates (lower-cased, whitespace-collapsed text) per corpus;
  * TF-IDF of word 1-2-grams, randomised truncated SVD to 256 dimensions (Halko et al. 2011);
  * an HNSW index (Malkov & Yashunin 2018; cosine, M=16, ef_construction=200) and each text's
    10 nearest neighbours: the share of synthetic texts whose nearest neighbour is synthetic;
  * k-means with 50 clusters (k-means++, Lloyd) and each cluster's synthetic share;
  * a 5-fold logistic-regression ROC-AUC of real against synthetic on the SVD features.
Prints one line per stage (seconds) and the results as JSON on the last line.
"""
import collections
import json
import re
import sys
import time

import hnswlib
import numpy as np
from scipy.spatial.distance import jensenshannon
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.preprocessing import normalize

FIELD = re.compile(r"\{([^{}]+)\}")


def load(spec):
    role, path, text = spec.split(":", 2)
    template = text.replace("\\n", "\n") if "{" in text else "{" + text + "}"
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            value = FIELD.sub(lambda m: str(record.get(m.group(1)) or ""), template)
            if value.strip():
                texts.append(value)
    return role == "synthetic", path, texts


def js(p, q):
    return float(jensenshannon(p, q, base=2) ** 2)


def main(specs):
    stages = {}
    clock = time.perf_counter()

    def lap(name):
        nonlocal clock
        now = time.perf_counter()
        stages[name] = now - clock
        print(f"{name:<22} {stages[name]:8.3f} s", flush=True)
        clock = now

    texts, synthetic, corpus = [], [], []
    for i, spec in enumerate(specs):
        is_synthetic, _, t = load(spec)
        texts += t
        synthetic += [is_synthetic] * len(t)
        corpus += [i] * len(t)
    y = np.array(synthetic, dtype=int)
    lap("read")

    results = {"rows": len(texts)}
    lengths = np.array([len(t.split()) for t in texts])
    edges = np.arange(0, max(lengths.max(), 1) + 2)
    results["length_js"] = js(np.histogram(lengths[y == 0], edges)[0] + 0.0,
                              np.histogram(lengths[y == 1], edges)[0] + 0.0)
    counts = CountVectorizer().fit_transform(texts)
    real = np.asarray(counts[y == 0].sum(axis=0)).ravel()
    synth = np.asarray(counts[y == 1].sum(axis=0)).ravel()
    results["unigram_js"] = js(real + 0.0, synth + 0.0)
    keys = collections.Counter((c, " ".join(t.lower().split())) for c, t in zip(corpus, texts))
    results["exact_duplicates"] = sum(n - 1 for n in keys.values() if n > 1)
    lap("length+unigram+dups")

    tfidf = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit_transform(texts)
    lap("tfidf 1-2-grams")
    features = TruncatedSVD(n_components=256, algorithm="randomized",
                            random_state=0).fit_transform(tfidf)
    features = normalize(features).astype(np.float32)
    lap("randomized svd 256")

    index = hnswlib.Index(space="cosine", dim=features.shape[1])
    index.init_index(max_elements=len(texts), M=16, ef_construction=200, random_seed=0)
    index.add_items(features)
    index.set_ef(50)
    labels, _ = index.knn_query(features, k=11)
    nearest = np.array([row[1] if row[0] == i else row[0] for i, row in enumerate(labels)])
    results["synthetic_nn_synthetic"] = float((y[nearest][y == 1] == 1).mean())
    lap("hnsw 10-nn")

    clusters = KMeans(n_clusters=50, n_init=1, random_state=0).fit_predict(features)
    share = [float(y[clusters == c].mean()) for c in range(50) if (clusters == c).any()]
    results["kmeans_max_synthetic_share"] = max(share)
    lap("k-means 50")

    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    auc = cross_val_score(LogisticRegression(max_iter=1000), features, y, cv=folds,
                          scoring="roc_auc")
    results["detectability_auc"] = float(auc.mean())
    lap("logistic 5-fold auc")

    results["stage_seconds"] = stages
    print(json.dumps(results))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
