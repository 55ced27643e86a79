"""Regenerates the numpy-written fixtures read by NumpyInteropTest (run: python3 make_numpy_fixtures.py)."""
import numpy as np

np.save("f4_2x3.npy", np.array([[1.5, -2.0, 0.25], [3.0, 0.0, -0.125]], dtype="<f4"))
np.save("f8_vec.npy", np.array([0.1, -1e300, 2.5], dtype="<f8"))
np.save("i4_vec.npy", np.array([-7, 0, 2147483647], dtype="<i4"))
np.save("i8_2x2.npy", np.array([[1, -2], [3, 9007199254740993]], dtype="<i8"))
np.save("u1_vec.npy", np.array([0, 1, 255], dtype="|u1"))
np.save("b1_2x2.npy", np.array([[True, False], [False, True]]))
np.save("scalar_f4.npy", np.array(4.5, dtype="<f4"))
np.save("empty_f4.npy", np.zeros((0,), dtype="<f4"))
with open("v2_f4.npy", "wb") as f:
    np.lib.format.write_array(f, np.arange(6, dtype="<f4").reshape(2, 3), version=(2, 0))
np.save("fortran_f4.npy", np.asfortranarray(np.arange(6, dtype="<f4").reshape(2, 3)))
np.save("bigendian_f4.npy", np.arange(3, dtype=">f4"))
np.save("complex_c8.npy", np.arange(3, dtype="<c8"))
w = {"fc1": np.arange(12, dtype="<f4").reshape(3, 4) / 8, "output": -np.arange(6, dtype="<f4").reshape(2, 3)}
np.savez("savez.npz", **w)
np.savez_compressed("savez_compressed.npz", **w)
m = {"fc1": (np.arange(12).reshape(3, 4) % 2 == 0), "output": np.array([[1, 0, 1], [0, 1, 1]], dtype=bool)}
np.savez("masks_b1.npz", **m)
np.savez("masks_u1.npz", **{k: v.astype("|u1") for k, v in m.items()})
np.savez("masks_f4.npz", **{k: v.astype("<f4") for k, v in m.items()})
