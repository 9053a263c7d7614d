"""Writes the tiny NIfTI-1 fixtures of NibabelFixturesTest with nibabel, an independent implementation.

Each image's voxels follow a formula of its NIfTI-order index i (x fastest), restated in the Java test;
each header's fields as nibabel reads them go to a .properties file beside the image.
Run: python3 make_fixtures.py   (needs numpy and nibabel; the outputs are committed, a few KiB)
"""
import gzip
import numpy as np
import nibabel as nib


def affine(zooms, rot_deg, offset):
    t = np.deg2rad(rot_deg)
    r = np.array([[np.cos(t), -np.sin(t), 0], [np.sin(t), np.cos(t), 0], [0, 0, 1]])
    a = np.eye(4)
    a[:3, :3] = r @ np.diag(zooms)
    a[:3, 3] = offset
    return a


def save(name, stored, dtype, endian, zooms, slope, inter, qform, sform, units=(2, 8)):
    hdr = nib.Nifti1Header(endianness=endian)
    hdr.set_data_shape(stored.shape)
    hdr.set_data_dtype(dtype)
    hdr.set_zooms(zooms)
    hdr.set_qform(qform, code=1)
    hdr.set_sform(sform, code=2)
    hdr.set_slope_inter(slope, inter)
    hdr.set_xyzt_units('mm', 'sec')
    hdr['descrip'] = b'nibabel fixture ' + name.encode()
    hdr['vox_offset'] = 352
    raw = hdr.binaryblock + b'\0' * 4 + stored.astype(np.dtype(dtype).newbyteorder(endian)).tobytes(order='F')
    opener = gzip.open if name.endswith('.gz') else open
    with opener(name, 'wb') as f:
        f.write(raw)
    with opener(name, 'rb') as f:  # what nibabel reads is the oracle (not nib.load: it moves scaling out)
        back = nib.Nifti1Header.from_fileobj(f)
    props = {
        'dims': ','.join(str(int(d)) for d in back['dim'][1:1 + back['dim'][0]]),
        'pixdim': ','.join(repr(float(p)) for p in back['pixdim']),
        'datatype': int(back['datatype']),
        'scl_slope': repr(float(back['scl_slope'])),
        'scl_inter': repr(float(back['scl_inter'])),
        'xyzt_units': int(back['xyzt_units']),
        'qform_code': int(back['qform_code']),
        'sform_code': int(back['sform_code']),
        'quatern': ','.join(repr(float(back[k])) for k in ('quatern_b', 'quatern_c', 'quatern_d',
                                                            'qoffset_x', 'qoffset_y', 'qoffset_z')),
        'srow': ','.join(repr(float(v)) for k in ('srow_x', 'srow_y', 'srow_z') for v in back[k]),
        'descrip': back['descrip'].item().decode(),
        'big_endian': str(back.endianness == '>').lower(),
    }
    with open(name.replace('.nii.gz', '').replace('.nii', '') + '.properties', 'w') as f:
        for k, v in props.items():
            f.write(f'{k}={v}\n')


def fortran_index(shape):
    """Index i of each voxel in NIfTI order (x fastest), as an array of that shape."""
    return np.arange(int(np.prod(shape))).reshape(shape, order='F')


# int16, big-endian, scaled: stored i - 5, read (i - 5) * 0.5 + 10
s = (3, 4, 2)
save('nibabel_be_int16_scaled.nii', fortran_index(s) - 5, 'int16', '>', (2.0, 1.5, 3.0), 0.5, 10.0,
     affine((2.0, 1.5, 3.0), 30, (-10, 20, 5)), affine((2.0, 1.5, 3.0), -15, (1, 2, 3)))
# float64, little-endian, 4D, unscaled: i * 0.25 - 1
s = (2, 3, 2, 2)
save('nibabel_le_float64_4d.nii.gz', fortran_index(s) * 0.25 - 1, 'float64', '<', (0.8, 0.8, 2.5, 1.7),
     np.nan, np.nan, affine((0.8, 0.8, 2.5), 0, (0, 0, 0)), affine((0.8, 0.8, 2.5), 90, (-4, -5, -6)))
# uint8 labels, little-endian: i % 4
s = (5, 4, 3)
save('nibabel_le_uint8_labels.nii.gz', fortran_index(s) % 4, 'uint8', '<', (0.7, 0.7, 1.0),
     np.nan, np.nan, affine((0.7, 0.7, 1.0), 10, (3, 2, 1)), affine((0.7, 0.7, 1.0), 10, (3, 2, 1)))
